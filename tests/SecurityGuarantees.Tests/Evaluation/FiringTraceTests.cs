using System.Text.Json;
using SecurityGuarantees.Cli;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Results;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>The firing trace (EvaluationOptions.Trace, --trace) over the timeline fixture's real rules and steps.</summary>
public sealed class FiringTraceTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("timelines/rules.yaml");
    private static readonly string Rules = TestPaths.Fixture("timelines/rules.yaml");
    private static readonly string Basic = TestPaths.Fixture("timelines/basic.yaml");

    private static string Line(TraceEntry e) =>
        $"{e.Step?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {TraceReportWriter.EventName(e.Event)} {e.Rule}: "
        + string.Join(", ", e.Facts.Select(f => $"{f.Type} {f.Key}"));

    [Fact]
    public void Evaluate_TraceOff_HasNoTraceAndTheJsonIsUnchanged()
    {
        var scenario = Engine.LoadScenario(Basic);
        var result = Engine.Evaluate(scenario);
        Assert.Null(result.Trace);
        Assert.DoesNotContain("\"trace\"", JsonReportWriter.ToJson(result));
    }

    [Fact]
    public void Evaluate_TraceOn_ListsAuthorRulesInFiringOrderWithTheirFacts()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(Basic), new EvaluationOptions { Trace = true });
        Assert.Equal(
            [
                "- fired force-census: Commitment fr-force",
                "- fired ceasefire-pending: Proposal ceasefire-30d, Position ceasefire-30d/UA",
                "- fired convey-offer: Condition ceasefire-pending/ceasefire-30d, Proposal ceasefire-30d",
            ],
            result.Trace!.Select(Line));
        Assert.DoesNotContain(result.Trace!, e => e.Rule.StartsWith('$'));

        // The trace does not change what holds.
        var plain = Engine.Evaluate(Engine.LoadScenario(Basic));
        Assert.Equal(JsonReportWriter.ToJson(plain), JsonReportWriter.ToJson(result with { Trace = null }));
    }

    [Fact]
    public void Timeline_Trace_ShowsRefiredAfterAnAggregateChangesAndRetractedWhenTheMatchGoes()
    {
        var result = Engine.RunTimeline(Engine.LoadTimeline(Basic), new EvaluationOptions { Trace = true });
        var lines = result.Trace!.Select(Line).ToList();

        // The count re-reads the commitments when the UK joins: the same match fires again.
        Assert.Contains("2025-03-12 refired force-census: Commitment fr-force, Commitment gb-force", lines);

        // Russia accepts: the pending match goes and the next step chained on its condition with it.
        Assert.Contains("2025-03-18 retracted ceasefire-pending: Proposal ceasefire-30d, Position ceasefire-30d/UA", lines);
        Assert.Contains("2025-03-18 retracted convey-offer: Condition ceasefire-pending/ceasefire-30d, Proposal ceasefire-30d", lines);

        // Russia takes it back: the match is new, so it is "fired", not "refired".
        Assert.Contains("2025-03-25 fired ceasefire-pending: Proposal ceasefire-30d, Position ceasefire-30d/UA", lines);

        // The UK leaves: the count fires again with one commitment.
        Assert.Equal("2025-03-26 refired force-census: Commitment fr-force", lines[^1]);
        Assert.Equal(3, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cli_EvaluateJsonTrace_IsTheLastTopLevelProperty()
    {
        var (exitCode, output, error) = Run("evaluate", Basic, "--rules", Rules, "--format", "json", "--trace");
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["scenario", "asOf", "conditions", "nextSteps", "trace"], properties);
        var first = json.RootElement.GetProperty("trace")[0];
        Assert.Equal("{\"step\":null,\"rule\":\"force-census\",\"event\":\"fired\",\"facts\":[{\"type\":\"Commitment\",\"key\":\"fr-force\"}]}",
            first.GetRawText());
    }

    [Fact]
    public void Cli_TimelineJsonTrace_CarriesTheStepDates()
    {
        var (exitCode, output, _) = Run("timeline", Basic, "--rules", Rules, "--format", "json", "--trace");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("trace", json.RootElement.EnumerateObject().Last().Name);
        var retracted = json.RootElement.GetProperty("trace").EnumerateArray()
            .First(e => e.GetProperty("event").GetString() == "retracted");
        Assert.Equal("2025-03-18", retracted.GetProperty("step").GetString());
        Assert.Equal("ceasefire-pending", retracted.GetProperty("rule").GetString());

        var (_, again, _) = Run("timeline", Basic, "--rules", Rules, "--format", "json", "--trace");
        Assert.Equal(output, again);
    }

    [Fact]
    public void Cli_TraceInTextAndMarkdown_IsASectionAfterTheReport()
    {
        var (_, text, _) = Run("timeline", Basic, "--rules", Rules, "--trace");
        Assert.Contains("\nTrace (", text);
        Assert.Contains("  2025-03-18 retracted ceasefire-pending: Proposal ceasefire-30d, Position ceasefire-30d/UA\n", text);

        var (_, markdown, _) = Run("evaluate", Basic, "--rules", Rules, "--trace", "--format", "markdown");
        Assert.Contains("## Trace\n\n| # | Step | Event | Rule | Facts |\n", markdown);
        Assert.Contains("| 1 |  | fired | `force-census` | Commitment fr-force |", markdown);

        var (_, plain, _) = Run("evaluate", Basic, "--rules", Rules);
        Assert.DoesNotContain("Trace", plain);
    }
}
