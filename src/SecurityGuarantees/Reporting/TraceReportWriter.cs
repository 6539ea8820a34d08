using System.Text.Json;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a firing trace (<see cref="EvaluationOptions.Trace"/>): as the JSON <c>trace</c> array, and as a section after
/// a text or Markdown report. One entry per author-rule activation, in firing order.
/// </summary>
public static class TraceReportWriter
{
    /// <summary>Writes the trace as a text section (a blank line, a title, one line per entry), with <c>\n</c> line ends.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteText(IReadOnlyList<TraceEntry> trace, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"\nTrace ({Count(trace)})\n");
        foreach (var entry in trace)
        {
            var step = entry.Step is { } on ? FactValueFormatter.Format(on) + " " : "";
            output.Write($"  {step}{EventName(entry.Event),-9} {entry.Rule}{Facts(entry, ": ")}\n");
        }
    }

    /// <summary>Writes the trace as a Markdown section (a <c>## Trace</c> table), with <c>\n</c> line ends.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteMarkdown(IReadOnlyList<TraceEntry> trace, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"\n## Trace\n\n");
        if (trace.Count == 0)
        {
            output.Write("No author rule fired.\n");
            return;
        }

        output.Write("| # | Step | Event | Rule | Facts |\n|---|---|---|---|---|\n");
        var n = 0;
        foreach (var entry in trace)
        {
            var step = entry.Step is { } on ? FactValueFormatter.Format(on) : "";
            var facts = Facts(entry, "").Replace("|", "\\|", StringComparison.Ordinal);
            output.Write($"| {++n} | {step} | {EventName(entry.Event)} | `{entry.Rule}` | {facts} |\n");
        }
    }

    /// <summary>The JSON name of an event: <c>fired</c>, <c>refired</c> or <c>retracted</c>.</summary>
    /// <param name="kind">The event.</param>
    public static string EventName(TraceEvent kind) => kind switch
    {
        TraceEvent.Fired => "fired",
        TraceEvent.Refired => "refired",
        _ => "retracted",
    };

    /// <summary>Writes <c>"trace":[{"step","rule","event","facts":[{"type","key"}]}]</c> into an open object.</summary>
    internal static void WriteJson(Utf8JsonWriter json, IReadOnlyList<TraceEntry> trace)
    {
        json.WriteStartArray("trace");
        foreach (var entry in trace)
        {
            json.WriteStartObject();
            if (entry.Step is { } on)
            {
                json.WriteString("step", FactValueFormatter.Format(on));
            }
            else
            {
                json.WriteNull("step");
            }

            json.WriteString("rule", entry.Rule);
            json.WriteString("event", EventName(entry.Event));
            json.WriteStartArray("facts");
            foreach (var fact in entry.Facts)
            {
                json.WriteStartObject();
                json.WriteString("type", fact.Type);
                json.WriteString("key", fact.Key);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Count(IReadOnlyList<TraceEntry> trace) => trace.Count == 1 ? "1 activation" : $"{trace.Count} activations";

    private static string Facts(TraceEntry entry, string prefix) =>
        entry.Facts.Count == 0 ? "" : prefix + string.Join(", ", entry.Facts.Select(f => $"{f.Type} {f.Key}"));
}
