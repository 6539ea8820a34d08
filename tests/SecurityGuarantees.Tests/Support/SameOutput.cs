using SecurityGuarantees.Explanations;
using SecurityGuarantees.Reporting;

namespace SecurityGuarantees.Tests.Support;

/// <summary>Asserts that two engines (a compilation switch on and off) give byte-identical output for one file.</summary>
internal static class SameOutput
{
    public static void ForScenario(ScenarioEngine expected, ScenarioEngine actual, string path) =>
        Assert.Equal(JsonReportWriter.ToJson(expected.Evaluate(expected.LoadScenario(path))),
            JsonReportWriter.ToJson(actual.Evaluate(actual.LoadScenario(path))));

    public static void ForTimeline(ScenarioEngine expected, ScenarioEngine actual, string path) =>
        Assert.Equal(TimelineJsonWriter.ToJson(expected.RunTimeline(expected.LoadTimeline(path))),
            TimelineJsonWriter.ToJson(actual.RunTimeline(actual.LoadTimeline(path))));

    /// <summary>The same explanation text, and the same why-not text for each of <paramref name="rules"/>.</summary>
    public static void ForExplanations(ScenarioEngine expected, ScenarioEngine actual, string path, params string[] rules)
    {
        Assert.Equal(Explain(expected, path), Explain(actual, path));
        foreach (var rule in rules)
        {
            Assert.Equal(WhyNot(expected, path, rule), WhyNot(actual, path, rule));
        }
    }

    private static string Explain(ScenarioEngine engine, string path)
    {
        var output = new StringWriter();
        ExplanationTextWriter.Write(engine.Explain(engine.LoadScenario(path)), output);
        return output.ToString();
    }

    private static string WhyNot(ScenarioEngine engine, string path, string rule)
    {
        var output = new StringWriter();
        WhyNotTextWriter.Write(engine.WhyNot(engine.LoadScenario(path), rule), output);
        return output.ToString();
    }
}
