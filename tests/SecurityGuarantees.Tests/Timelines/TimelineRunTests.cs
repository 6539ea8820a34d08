using System.Globalization;
using System.Text.Json;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Timelines;

public sealed class TimelineRunTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("timelines/rules.yaml");
    private static readonly string Basic = TestPaths.Fixture("timelines/basic.yaml");

    private static TimelineResult RunBasic() => Engine.RunTimeline(Engine.LoadTimeline(Basic));

    private static IEnumerable<string> Conditions(TimelineChanges changes) => changes.Conditions.Select(c => $"{c.Id}/{c.Subject}");

    private static IEnumerable<string> NextSteps(TimelineChanges changes) => changes.NextSteps.Select(n => $"{n.Actor}:{n.Id}/{n.Subject}");

    [Fact]
    public void Initial_IsTheScenarioAtAsOf()
    {
        var result = RunBasic();
        Assert.Equal("timeline-basic", result.Scenario);
        Assert.Equal(new DateOnly(2025, 3, 11), result.AsOf);
        Assert.Equal(new DateOnly(2025, 3, 11), result.Initial.AsOf);
        Assert.Equal(["ceasefire-pending/ceasefire-30d", "force-census/reassurance-force"], result.Initial.Conditions.Select(c => $"{c.Id}/{c.Subject}"));
        Assert.Equal(["RU:respond-to-ceasefire/ceasefire-30d", "US:convey-offer/ceasefire-30d"], result.Initial.NextSteps.Select(n => $"{n.Actor}:{n.Id}/{n.Subject}"));
    }

    [Fact]
    public void ConditionsAppearAndDisappear_AsTheStepsMoveTheFactsAndTheDate()
    {
        var steps = RunBasic().Steps;
        Assert.Equal(["2025-03-12", "2025-03-18", "2025-03-21", "2025-03-25", "2025-03-26"],
            steps.Select(s => s.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // Russia accepts: the pending condition and everything chained on it go (truth maintenance).
        Assert.Empty(steps[1].Added.Conditions);
        Assert.Equal(["ceasefire-pending/ceasefire-30d"], Conditions(steps[1].Removed));
        Assert.Equal(["RU:respond-to-ceasefire/ceasefire-30d", "US:convey-offer/ceasefire-30d"], NextSteps(steps[1].Removed));

        // Nothing but the date moves: the pause has run out.
        Assert.Null(steps[2].Note);
        Assert.Equal(["proposal-expired/energy-pause"], Conditions(steps[2].Added));
        Assert.Equal(["RU:seek-renewal/energy-pause", "US:seek-renewal/energy-pause"], NextSteps(steps[2].Added));
        Assert.True(steps[2].Removed.IsEmpty);

        // An update brings the pending condition back; an insert defeats a not: and the expiry goes.
        Assert.Equal(["ceasefire-pending/ceasefire-30d"], Conditions(steps[3].Added));
        Assert.Equal(["RU:respond-to-ceasefire/ceasefire-30d", "US:convey-offer/ceasefire-30d"], NextSteps(steps[3].Added));
        Assert.Equal(["proposal-expired/energy-pause"], Conditions(steps[3].Removed));
        Assert.Equal(["RU:seek-renewal/energy-pause", "US:seek-renewal/energy-pause"], NextSteps(steps[3].Removed));
    }

    [Fact]
    public void AConclusionWhoseTextChanges_IsChanged_NotAddedAndRemoved()
    {
        var steps = RunBasic().Steps;
        var census = Assert.Single(steps[0].Changed.Conditions);
        Assert.Equal("nations committed to a reassurance force: 2", census.Text);
        Assert.True(steps[0].Added.IsEmpty);
        Assert.True(steps[0].Removed.IsEmpty);

        // A retraction lowers the count again.
        Assert.Equal("nations committed to a reassurance force: 1", Assert.Single(steps[4].Changed.Conditions).Text);
        Assert.DoesNotContain(steps.SelectMany(s => s.Added.Conditions), c => c.Id == "force-census");
    }

    [Fact]
    public void EachStep_CarriesTheFullStateAfterIt()
    {
        var result = RunBasic();
        Assert.All(result.Steps, s => Assert.Equal(s.On, s.State.AsOf));
        Assert.Same(result.Steps[^1].State, result.Final);
        Assert.DoesNotContain(result.Steps[1].State.Conditions, c => c.Id == "ceasefire-pending");
    }

    [Fact]
    public void Final_EqualsAFreshEvaluationOfTheFinalFacts()
    {
        var timeline = Engine.LoadTimeline(Basic);
        var result = Engine.RunTimeline(timeline);
        TimelineAssert.FinalEqualsFreshEvaluation(Engine, timeline, result);
    }

    [Fact]
    public void Json_HasTheDocumentedShape_AndIsByteIdenticalOnReRun()
    {
        var first = TimelineJsonWriter.ToJson(RunBasic());
        var again = TimelineJsonWriter.ToJson(TestEngines.FromFixtures("timelines/rules.yaml").RunTimeline(Engine.LoadTimeline(Basic)));
        Assert.Equal(first, again);
        Assert.DoesNotContain("\n", first);

        using var json = JsonDocument.Parse(first);
        var root = json.RootElement;
        Assert.Equal(["scenario", "asOf", "initial", "steps", "final"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["conditions", "nextSteps"], root.GetProperty("initial").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["conditions", "nextSteps"], root.GetProperty("final").EnumerateObject().Select(p => p.Name));
        var step = root.GetProperty("steps")[2];
        Assert.Equal(["on", "note", "added", "removed", "changed"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-03-21", step.GetProperty("on").GetString());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("note").ValueKind);
        var added = step.GetProperty("added").GetProperty("conditions")[0];
        Assert.Equal(["id", "subject", "parties", "severity", "text", "justifications"], added.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"rule":"proposal-expired","because":[{"type":"Today","key":"2025-03-21"},{"type":"Proposal","key":"energy-pause"}]}""",
            added.GetProperty("justifications")[0].GetRawText());
        Assert.StartsWith("""{"scenario":"timeline-basic","asOf":"2025-03-11","initial":{"conditions":[{"id":"ceasefire-pending","subject":"ceasefire-30d",""", first);
    }

    [Fact]
    public void UnderTurkishCulture_TheJsonIsUnchanged()
    {
        var invariant = TimelineJsonWriter.ToJson(RunBasic());
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            var engine = TestEngines.FromFixtures("timelines/rules.yaml");
            Assert.Equal(invariant, TimelineJsonWriter.ToJson(engine.RunTimeline(engine.LoadTimeline(Basic))));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Fact]
    public void RunTimelineOnAScenario_ReadsItsTimeline()
    {
        var scenario = Engine.LoadScenario(Basic);
        Assert.Equal(TimelineJsonWriter.ToJson(RunBasic()), TimelineJsonWriter.ToJson(Engine.RunTimeline(scenario)));
    }

    [Fact]
    public void AScenarioWithoutTimeline_RunsToItsEvaluation()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml"));
        var result = Engine.RunTimeline(scenario);
        Assert.Empty(result.Steps);
        Assert.Same(result.Initial, result.Final);
        Assert.Equal(JsonReportWriter.ToJson(Engine.Evaluate(scenario)), JsonReportWriter.ToJson(result.Final));

        var inCode = Engine.RunTimeline(Scenario.Create("code", scenario.Facts, new DateOnly(2025, 3, 12)));
        Assert.Empty(inCode.Steps);
    }

    [Fact]
    public void AsOfOption_IsRefused()
    {
        var timeline = Engine.LoadTimeline(Basic);
        Assert.Throws<ArgumentException>(() => Engine.RunTimeline(timeline, new EvaluationOptions { AsOf = new DateOnly(2025, 1, 1) }));
    }

    [Fact]
    public void ACancelledToken_StopsTheRun()
    {
        var timeline = Engine.LoadTimeline(Basic);
        Assert.ThrowsAny<OperationCanceledException>(() => Engine.RunTimeline(timeline, null, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void ARuleThatLoopsAtAStep_StopsWithAnEvaluationError()
    {
        var engine = TestEngines.FromFixtures("timelines/loop.yaml");
        var timeline = engine.LoadTimeline(TestPaths.Fixture("timelines/loop-scenario.yaml"));
        var e = Assert.Throws<EvaluationException>(() => engine.RunTimeline(timeline, new EvaluationOptions { MaxFirings = 50 }));
        Assert.Equal(DiagnosticCodes.FiringLimit, e.Code);
        Assert.Contains("self-defeating", e.Rules);
        Assert.Contains("after 50 rule firings", e.Message);
    }

    [Fact]
    public void AStepInsertingAKeyARuleInserted_IsAnEvaluationError()
    {
        var engine = TestEngines.FromFixtures("timelines/loop.yaml");
        var path = TestPaths.Fixture("timelines/clash-scenario.yaml");
        var e = Assert.Throws<EvaluationException>(() => engine.RunTimeline(engine.LoadTimeline(path)));
        Assert.Equal(DiagnosticCodes.InsertConflictsWithScenario, e.Code);
        Assert.Equal($"the timeline step on 2025-03-12 ({path}:8:5) inserts Commitment 'monitor-p1', but a rule has already inserted a Commitment with that key", e.Message);
    }
}
