using System.Text.Json;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Support;

/// <summary>What incremental truth maintenance promises of a timeline run.</summary>
internal static class TimelineAssert
{
    /// <summary>
    /// The final state of a run equals evaluating the final facts from scratch at the last date: the date, the
    /// conditions and next steps as the JSON shows them, and the inserted facts with their number of justifications.
    /// <paramref name="context"/> (e.g. a seed and the timeline's YAML) is put in front of a failure.
    /// </summary>
    public static void FinalEqualsFreshEvaluation(ScenarioEngine engine, Timeline timeline, TimelineResult result, string? context = null)
    {
        var fresh = engine.Evaluate(Scenario.Create(timeline.Scenario.Id, timeline.FinalFacts, timeline.FinalDate));
        var (expected, actual) = (Describe(fresh), Describe(result.Final));
        Assert.True(expected == actual, $"{context}{(context is null ? "" : "\n")}the final state differs from a fresh evaluation of the final facts\n"
            + $"fresh:\n{expected}\ntimeline:\n{actual}");
    }

    private static string Describe(EvaluationResult result)
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(result));
        return $"asOf {result.AsOf}\n{json.RootElement.GetProperty("conditions").GetRawText()}\n{json.RootElement.GetProperty("nextSteps").GetRawText()}\n"
            + string.Join('\n', result.InsertedFacts.Select(f => $"{f.Type}/{f.Key}: {f.Justifications.Count} justification(s)"));
    }
}
