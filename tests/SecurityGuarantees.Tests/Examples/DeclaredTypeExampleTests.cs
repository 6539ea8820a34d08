using SecurityGuarantees.Reporting;
using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Examples;

/// <summary>
/// <c>examples/declared-types/</c>: the sanctions packages of 2025, with a fact type and an enum declared in YAML
/// (docs/domain.md's worked example), checked against the timeline's own <c>expect:</c> blocks.
/// </summary>
public sealed class DeclaredTypeExampleTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRules(TestPaths.Repo("examples/declared-types/rules")).Build();

    [Theory]
    [ScenarioFiles("examples/declared-types/2025-sanctions.yaml")]
    public void Sanctions_MeetsItsExpectations_AtEveryStep(ScenarioFileCase step)
    {
        Assert.Equal(ScenarioTestOutcome.Passed, step.Run(Engine).ShouldPass().Outcome);
    }

    [Fact]
    public void Sanctions_FinalState_IsAFreshEvaluation_AndRunsWithTheBuiltInRules()
    {
        var timeline = Engine.LoadTimeline(TestPaths.Repo("examples/declared-types/2025-sanctions.yaml"));
        var result = Engine.RunTimeline(timeline);
        TimelineAssert.FinalEqualsFreshEvaluation(Engine, timeline, result);
        Assert.Equal("Russia demands sanctions relief (ru-sanctions-relief-swift) while US adopts the US sanctions on Rosneft and Lukoil on 2025-10-22",
            Assert.Single(result.Final.Conditions, c => c.Id == "relief-demanded-under-pressure").Text);

        // Declared types combine with the built-in rule set: its rules and the author's run side by side.
        var both = new ScenarioEngineBuilder().AddBuiltInRules().AddRules(TestPaths.Repo("examples/declared-types/rules")).Build();
        var combined = both.RunTimeline(both.LoadTimeline(TestPaths.Repo("examples/declared-types/2025-sanctions.yaml")));
        Assert.Contains(combined.Final.Conditions, c => c.Id == "relief-demanded-under-pressure");
        Assert.Equal(TimelineJsonWriter.ToJson(combined), TimelineJsonWriter.ToJson(both.RunTimeline(both.LoadTimeline(TestPaths.Repo("examples/declared-types/2025-sanctions.yaml")))));
    }
}
