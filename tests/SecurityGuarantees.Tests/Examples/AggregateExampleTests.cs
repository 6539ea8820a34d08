using SecurityGuarantees.Reporting;
using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Examples;

/// <summary>
/// <c>examples/aggregates/</c>: the army caps of the late-2025 drafts, with the author rules beside them
/// (<c>aggregate:</c>, <c>groupBy</c>, <c>let:</c>), checked against the timeline's own <c>expect:</c> blocks.
/// </summary>
public sealed class AggregateExampleTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRules(TestPaths.Repo("examples/aggregates/rules")).Build();

    [Theory]
    [ScenarioFiles("examples/aggregates/2025-army-caps.yaml")]
    public void ArmyCaps_MeetsItsExpectations_AtEveryStep(ScenarioFileCase step)
    {
        var result = step.Run(Engine).ShouldPass();

        Assert.Equal(ScenarioTestOutcome.Passed, result.Outcome);
    }

    [Fact]
    public void ArmyCaps_FinalState_ReadsTheAggregatedValues()
    {
        var timeline = Engine.LoadTimeline(TestPaths.Repo("examples/aggregates/2025-army-caps.yaml"));
        var result = Engine.RunTimeline(timeline);
        var spread = Assert.Single(result.Final.Conditions, c => c.Id == "army-cap-spread");
        Assert.Equal("4 drafts cap Ukraine's army between 600000 and 800000 (a gap of 200000; the lowest is 75% of the highest): "
            + "berlin-framework, eu-counter-draft, ua-20-point-plan, us-28-point-plan", spread.Text);
        Assert.Equal(4, Assert.Single(spread.Justifications).Because.Count);
        TimelineAssert.FinalEqualsFreshEvaluation(Engine, timeline, result);
        Assert.Equal(TimelineJsonWriter.ToJson(result), TimelineJsonWriter.ToJson(Engine.RunTimeline(timeline)));
    }
}
