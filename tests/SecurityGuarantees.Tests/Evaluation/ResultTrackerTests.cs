using SecurityGuarantees.Domain;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>
/// The session's results as the rule actions report them and truth maintenance takes them back: the first snapshot sorts
/// them once, later ones keep them sorted under changes; every snapshot equals a fresh evaluation of the same facts.
/// </summary>
public sealed class ResultTrackerTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml", "rules/constructs.yaml");
    private static readonly DateOnly AsOf = new(2025, 3, 12);

    private static (ScenarioSession Session, Scenario Scenario) Start()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("scenarios/constructs.yaml"));
        var session = Engine.CreateSession(scenario, null);
        session.Insert(scenario.Facts);
        session.SetToday(AsOf, first: true);
        session.Fire(CancellationToken.None);
        return (session, scenario);
    }

    private static string Fresh(IEnumerable<object> facts) =>
        JsonReportWriter.ToJson(Engine.Evaluate(Scenario.Create("constructs", [.. facts], AsOf)));

    private static string Json(EvaluationResult result) => JsonReportWriter.ToJson(result);

    [Fact]
    public void SnapshotsAfterTheFirst_FollowEveryChange_AndEqualFreshEvaluations()
    {
        var (session, scenario) = Start();
        var first = session.Snapshot("constructs", AsOf);
        Assert.Equal(Fresh(scenario.Facts), Json(first));
        Assert.NotEmpty(first.Conditions);
        Assert.NotEmpty(first.NextSteps);
        Assert.NotEmpty(first.InsertedFacts);

        // Most results go at once (the first change after the first snapshot builds the sorted tree from its list) ...
        var positions = scenario.Facts.OfType<Position>().ToList();
        session.Retract(positions);
        session.Fire(CancellationToken.None);
        var without = session.Snapshot("constructs", AsOf);
        var rest = scenario.Facts.Except(positions).ToList();
        Assert.Equal(Fresh(rest), Json(without));
        Assert.NotEqual(Json(first), Json(without));

        // ... and come back, in the same order as the first snapshot's.
        session.Insert(positions);
        session.Fire(CancellationToken.None);
        Assert.Equal(Json(first), Json(session.Snapshot("constructs", AsOf)));

        // A snapshot of nothing new reuses the lists; the earlier snapshots kept their own.
        var again = session.Snapshot("constructs", AsOf);
        Assert.Same(again.Conditions, session.Snapshot("constructs", AsOf).Conditions);
        Assert.Equal(Fresh(rest), Json(without));
    }

    [Fact]
    public void AnUpdatedPremise_ReplacesTheResultInPlace_WhereASecondSnapshotListsIt()
    {
        var (session, scenario) = Start();
        var before = session.Snapshot("constructs", AsOf);
        var ruPosition = scenario.Facts.OfType<Position>().Single(p => p.Proposal == "p1" && p.Party == "RU");

        var accepted = ruPosition with { Stance = Stance.Accepted };
        session.Update([accepted]);
        session.Fire(CancellationToken.None);
        var changed = scenario.Facts.Select(f => ReferenceEquals(f, ruPosition) ? accepted : f).ToList();
        Assert.Equal(Fresh(changed), Json(session.Snapshot("constructs", AsOf)));

        session.Update([ruPosition]);
        session.Fire(CancellationToken.None);
        Assert.Equal(Json(before), Json(session.Snapshot("constructs", AsOf)));
    }
}
