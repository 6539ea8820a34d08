using SecurityGuarantees.Domain;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

public sealed class TruthMaintenanceTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml", "rules/constructs.yaml");

    private static (ScenarioSession Session, Scenario Scenario) Start()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("scenarios/constructs.yaml"));
        var session = Engine.CreateSession(scenario, null);
        session.Insert(scenario.Facts);
        session.SetToday(scenario.AsOf!.Value, first: true);
        session.Fire(CancellationToken.None);
        return (session, scenario);
    }

    private static EvaluationResult Snapshot(ScenarioSession session) => session.Snapshot("constructs", new DateOnly(2025, 3, 12));

    [Fact]
    public void RetractingAPremise_RemovesTheConclusionAndEverythingDerivedFromIt()
    {
        var (session, scenario) = Start();
        Assert.Contains(Snapshot(session).Conditions, c => c.Id == "monitoring-planned");

        session.Retract([scenario.Facts.OfType<Position>().Single(p => p.Proposal == "p3" && p.Party == "UA")]);
        session.Fire(CancellationToken.None);

        var after = Snapshot(session);
        Assert.DoesNotContain(after.Conditions, c => c.Id is "all-accepted" or "monitoring-planned");
        Assert.Empty(after.InsertedFacts);
        Assert.Equal("5 commitments", after.Conditions.Single(c => c.Id == "commitment-census").Text);
    }

    [Fact]
    public void UpdatingAPremiseSoTheMatchGoes_RemovesTheChain()
    {
        var (session, scenario) = Start();
        var ruPosition = scenario.Facts.OfType<Position>().Single(p => p.Proposal == "p1" && p.Party == "RU");
        session.Update([ruPosition with { Stance = Stance.Accepted }]);
        session.Fire(CancellationToken.None);

        var after = Snapshot(session);
        Assert.DoesNotContain(after.Conditions, c => c.Id == "ceasefire-pending");
        Assert.DoesNotContain(after.NextSteps, s => s.Id is "convey-offer" or "respond-to-ceasefire");
    }

    [Fact]
    public void AConclusionWithSeveralJustifications_StaysUntilTheLastGoes()
    {
        var (session, scenario) = Start();
        var gb = scenario.Facts.OfType<Party>().Single(p => p.Id == "GB");
        var us = scenario.Facts.OfType<Party>().Single(p => p.Id == "US");

        session.Retract([gb]);
        session.Fire(CancellationToken.None);
        var mediated = Snapshot(session).Conditions.Single(c => c.Id == "mediated");
        Assert.Equal(["US"], mediated.Parties);
        Assert.Single(mediated.Justifications);

        session.Retract([us]);
        session.Fire(CancellationToken.None);
        Assert.DoesNotContain(Snapshot(session).Conditions, c => c.Id == "mediated");
    }

    [Fact]
    public void AddingAFact_DerivesIncrementally_AndTheResultEqualsAFromScratchEvaluation()
    {
        var (session, scenario) = Start();
        var added = new Commitment { Id = "c6", Party = "IT", Kind = CommitmentKind.ReassuranceForce, Level = CommitmentLevel.Political };
        session.Insert([added]);
        session.Fire(CancellationToken.None);

        var fromScratch = Engine.Evaluate(Scenario.Create("constructs", [.. scenario.Facts, added], scenario.AsOf));
        Assert.Equal(
            SecurityGuarantees.Reporting.JsonReportWriter.ToJson(fromScratch),
            SecurityGuarantees.Reporting.JsonReportWriter.ToJson(Snapshot(session)));
        Assert.Equal("4 nations commit", fromScratch.Conditions.Single(c => c.Id == "broad-coalition").Text);
    }
}
