using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Timelines;

/// <summary>The shipped timeline, <c>examples/timelines/2025-ceasefire.yaml</c>, on the built-in rules.</summary>
public sealed class CeasefireTimelineTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();
    private static readonly string Path = TestPaths.Repo("examples/timelines/2025-ceasefire.yaml");
    private static readonly Lazy<(Timeline Timeline, TimelineResult Result)> Run = new(() =>
    {
        var timeline = Engine.LoadTimeline(Path);
        return (timeline, Engine.RunTimeline(timeline));
    });

    private static TimelineStepResult Step(string on) => Run.Value.Result.Steps.Single(s => s.On == DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<string> Conditions(TimelineChanges changes) => changes.Conditions.Select(c => $"{c.Id}/{c.Subject}");

    [Fact]
    public void LoadsWithItsSixteenSteps_FromJeddahToTheSeventeenthPackage()
    {
        var (timeline, result) = Run.Value;
        Assert.Equal("ceasefire-track-2025", result.Scenario);
        Assert.Equal(16, timeline.Steps.Count);
        Assert.Equal(new DateOnly(2025, 3, 11), result.AsOf);
        Assert.Equal(new DateOnly(2025, 5, 20), result.Final.AsOf);
    }

    [Fact]
    public void Initially_TheJeddahOfferIsPendingFromRussia_AndTheForceIsOnlyPlanned()
    {
        var initial = Run.Value.Result.Initial;
        Assert.Equal(
            ["ceasefire-pending/jeddah-ceasefire", "contingency-planning-only/reassurance-force", "credibility-gap/reassurance-force",
             "guarantee-dormant/fr-reassurance-force", "guarantee-dormant/gb-reassurance-force"],
            initial.Conditions.Select(c => $"{c.Id}/{c.Subject}"));
        Assert.Equal(["RU"], initial.Conditions[0].Parties);
    }

    [Fact]
    public void RussiasPreconditions_AddConditionsAndAConflictWithTheFirstGuarantee()
    {
        var step = Step("2025-03-13");
        Assert.Contains("conditions-added/jeddah-ceasefire", Conditions(step.Added));
        Assert.Contains("demand-conflicts-with-first-guarantee/ru-halt-mobilisation", Conditions(step.Added));
        Assert.Contains("demand-conflicts-with-first-guarantee/ru-no-rearmament", Conditions(step.Added));
        Assert.Contains("sequencing-divergence/sequencing", Conditions(step.Added));
        Assert.Contains(step.Added.NextSteps, n => n is { Id: "clarify-conditions", Actor: "US", Subject: "jeddah-ceasefire" });
        Assert.True(step.Removed.IsEmpty);
    }

    [Fact]
    public void RetractingTheRiyadhTalks_RemovesNegotiationUnderFire()
    {
        Assert.Contains("negotiation-under-fire/riyadh-talks", Conditions(Step("2025-03-18").Added));
        var step = Step("2025-03-25");
        Assert.Equal(["negotiation-under-fire/riyadh-talks"], Conditions(step.Removed));
        Assert.Equal(["RU", "UA", "US"], step.Removed.NextSteps.Where(n => n.Id == "humanitarian-measures").Select(n => n.Actor));
        Assert.Contains("condition-unmet-by-third-party/black-sea-ceasefire", Conditions(step.Added));
    }

    [Fact]
    public void TheEasterTruce_IsInForceForTwoDays_AndTheDormantGuaranteesComeBackWhenItEnds()
    {
        var start = Step("2025-04-19");
        Assert.Equal(["ceasefire-in-force/easter-truce", "short-unilateral-truce/easter-truce"], Conditions(start.Added));
        Assert.Equal(["contingency-planning-only/reassurance-force", "guarantee-dormant/fr-reassurance-force", "guarantee-dormant/gb-reassurance-force"],
            Conditions(start.Removed));

        Assert.Equal(["disputed-compliance/easter-truce"], Conditions(Step("2025-04-20").Added));

        var end = Step("2025-04-21");
        Assert.Equal(["ceasefire-in-force/easter-truce"], Conditions(end.Removed));
        Assert.Equal(["contingency-planning-only/reassurance-force", "guarantee-dormant/fr-reassurance-force", "guarantee-dormant/gb-reassurance-force",
            "proposal-expired/easter-truce"], Conditions(end.Added));
    }

    [Fact]
    public void TheEnergyPause_Expires_WithComplianceDisputed()
    {
        var step = Step("2025-04-18");
        Assert.Equal(["disputed-compliance/energy-pause", "proposal-expired/energy-pause"], Conditions(step.Added));
        Assert.Equal(["RU", "UA"], step.Added.Conditions[0].Parties);
    }

    [Fact]
    public void TheKyivCall_IsIgnored_ThenItsDeadlineLapses()
    {
        var ignored = Step("2025-05-11");
        Assert.Equal(["conditions-added/kyiv-ceasefire"], Conditions(ignored.Removed));
        Assert.Contains("negotiation-under-fire/istanbul-i", Conditions(ignored.Added));
        Assert.Contains("proposal-expired/victory-day-truce", Conditions(ignored.Added));

        var lapsed = Step("2025-05-12");
        var ultimatum = Assert.Single(lapsed.Added.Conditions);
        Assert.Equal(("ultimatum-lapsed", "kyiv-ceasefire"), (ultimatum.Id, ultimatum.Subject));
        Assert.Equal(["RU"], ultimatum.Parties);
        Assert.Equal(["DE", "FR", "GB", "PL", "UA", "US"], lapsed.Added.NextSteps.Where(n => n.Id == "apply-consequence").Select(n => n.Actor));
    }

    [Fact]
    public void WhenTheIstanbulRoundIsOver_TalksUnderFireGo()
    {
        Assert.Contains(Step("2025-05-16").Changed.Conditions, c => c.Id == "negotiation-under-fire" && c.Text!.Contains("2025-05-16", StringComparison.Ordinal));
        Assert.Equal(["negotiation-under-fire/istanbul-i"], Conditions(Step("2025-05-20").Removed));
    }

    [Fact]
    public void MoreCeasefireFirstHolders_ChangeTheSequencingDivergenceParties()
    {
        var changed = Assert.Single(Step("2025-05-10").Changed.Conditions, c => c.Id == "sequencing-divergence");
        Assert.Equal(["DE", "FR", "GB", "PL", "RU", "UA", "US"], changed.Parties);
    }

    [Fact]
    public void Final_EqualsAFreshEvaluationOfTheFinalFacts()
    {
        var (timeline, result) = Run.Value;
        TimelineAssert.FinalEqualsFreshEvaluation(Engine, timeline, result);
        Assert.Equal(24, result.Final.Conditions.Count);
    }

    [Fact]
    public void Json_IsByteIdenticalOnReRun()
    {
        var again = Engine.RunTimeline(Engine.LoadTimeline(Path));
        Assert.Equal(TimelineJsonWriter.ToJson(Run.Value.Result), TimelineJsonWriter.ToJson(again));
    }
}
