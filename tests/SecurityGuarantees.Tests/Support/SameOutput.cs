using SecurityGuarantees.Reporting;

namespace SecurityGuarantees.Tests.Support;

/// <summary>Asserts that two engines (a compilation switch on and off) give byte-identical JSON for one file.</summary>
internal static class SameOutput
{
    public static void ForScenario(ScenarioEngine expected, ScenarioEngine actual, string path) =>
        Assert.Equal(JsonReportWriter.ToJson(expected.Evaluate(expected.LoadScenario(path))),
            JsonReportWriter.ToJson(actual.Evaluate(actual.LoadScenario(path))));

    public static void ForTimeline(ScenarioEngine expected, ScenarioEngine actual, string path) =>
        Assert.Equal(TimelineJsonWriter.ToJson(expected.RunTimeline(expected.LoadTimeline(path))),
            TimelineJsonWriter.ToJson(actual.RunTimeline(actual.LoadTimeline(path))));
}
