using SecurityGuarantees.Reporting;
using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Examples;

/// <summary>
/// Every scenario of <c>examples/scenarios/</c> and every timeline of <c>examples/timelines/</c>, evaluated with the
/// built-in rules against its own <c>expect:</c> blocks, through the public test-support surface
/// (<see cref="ScenarioFilesAttribute"/>, <see cref="ScenarioAssertions"/>): one test case per scenario and per
/// timeline step with <c>expect:</c>, named after it.
/// </summary>
public sealed class ExampleScenarioTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static readonly string Folder = TestPaths.Repo("examples/scenarios");

    [Fact]
    public void Folder_HoldsAtLeastEightScenarios()
    {
        Assert.True(Directory.GetFiles(Folder, "*.yaml").Length >= 8, $"expected at least eight example scenarios in {Folder}");
    }

    [Theory]
    [ScenarioFiles("examples/scenarios")]
    public void ExampleScenario_MeetsItsExpectations(ScenarioFileCase scenario)
    {
        var result = scenario.Run(Engine).ShouldPass();

        Assert.Equal(ScenarioTestOutcome.Passed, result.Outcome); // every example states what must hold
    }

    [Theory]
    [ScenarioFiles("examples/timelines")]
    public void ExampleTimeline_MeetsItsExpectations_AtEveryStep(ScenarioFileCase step)
    {
        var result = step.Run(Engine).ShouldPass();

        Assert.Equal(ScenarioTestOutcome.Passed, result.Outcome);
    }

    [Fact]
    public void ExampleTimelines_HaveTestCasesForTheirSteps()
    {
        var cases = ScenarioTestRunner.DiscoverTestCases([TestPaths.Repo("examples/timelines")]);

        Assert.Contains(cases, c => c.Name == "ceasefire-track-2025");
        Assert.Contains(cases, c => c.Name == "ceasefire-track-2025 @ 2025-03-13");
        Assert.True(cases.Count(c => c.Step is not null) >= 10, string.Join(", ", cases));
    }

    [Theory]
    [ScenarioFiles("examples/scenarios")]
    public void Evaluate_ExampleScenarioTwice_GivesIdenticalJson(ScenarioFileCase scenario)
    {
        var path = scenario.TestCase.File;
        var first = JsonReportWriter.ToJson(Engine.Evaluate(Engine.LoadScenario(path)));
        var second = JsonReportWriter.ToJson(Engine.Evaluate(Engine.LoadScenario(path)));
        var other = new ScenarioEngineBuilder().Build();
        var third = JsonReportWriter.ToJson(other.Evaluate(other.LoadScenario(path)));

        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }
}
