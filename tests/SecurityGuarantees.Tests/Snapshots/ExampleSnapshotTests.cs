using Newtonsoft.Json.Linq;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;

namespace SecurityGuarantees.Tests.Snapshots;

/// <summary>
/// The full JSON result of every example scenario and timeline (built-in rules), compared with a committed snapshot,
/// so a rule change shows up as a reviewable diff of <c>__snapshots__/*.snap</c>. To accept a change: delete the
/// outdated <c>.snap</c> file (or the whole folder), run the tests once to write the new one, review <c>git diff</c>
/// and commit it (see docs/testing.md).
/// </summary>
public sealed class ExampleSnapshotTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    /// <summary>
    /// The snapshot folder, found from the repository root rather than from the PDB's source paths (which CI builds
    /// map to <c>/_/</c>, where Snapshooter would otherwise look).
    /// </summary>
    private static readonly string Folder = TestPaths.Repo(Path.Combine("tests", "SecurityGuarantees.Tests", "Snapshots"));

    [Theory]
    [ScenarioFiles("examples/scenarios", IncludeTimelineSteps = false)]
    public void ExampleScenario_JsonResult_MatchesSnapshot(ScenarioFileCase scenario)
    {
        var result = Engine.Evaluate(Engine.LoadScenario(scenario.TestCase.File));

        MatchSnapshot($"scenario.{scenario.TestCase.Scenario}", JsonReportWriter.ToJson(result));
    }

    [Theory]
    [ScenarioFiles("examples/timelines", IncludeTimelineSteps = false)]
    public void ExampleTimeline_JsonResult_MatchesSnapshot(ScenarioFileCase timeline)
    {
        var result = Engine.RunTimeline(Engine.LoadTimeline(timeline.TestCase.File));

        MatchSnapshot($"timeline.{timeline.TestCase.Scenario}", TimelineJsonWriter.ToJson(result));
    }

    [Fact]
    public void Snapshots_ExistForEveryExample_AndNoneIsStale()
    {
        var expected = ScenarioTestRunner.DiscoverTestCases([TestPaths.Repo("examples/scenarios")]).Where(c => c.Step is null).Select(c => $"scenario.{c.Scenario}.snap")
            .Concat(ScenarioTestRunner.DiscoverTestCases([TestPaths.Repo("examples/timelines")]).Where(c => c.Step is null).Select(c => $"timeline.{c.Scenario}.snap"))
            .Order(StringComparer.Ordinal);
        var actual = Directory.EnumerateFiles(Path.Combine(Folder, "__snapshots__"), "*.snap").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    private static void MatchSnapshot(string name, string json)
    {
        // A missing snapshot would be written and pass; on CI (and in a clean clone) it must already be committed.
        var file = Path.Combine(Folder, "__snapshots__", name + ".snap");
        Assert.True(File.Exists(file) || Environment.GetEnvironmentVariable("CI") != "true",
            $"snapshot {file} is missing; run the tests locally to write it, review it and commit it");
        Snapshot.Match(JToken.Parse(json), new SnapshotFullName(name + ".snap", Folder));
    }
}
