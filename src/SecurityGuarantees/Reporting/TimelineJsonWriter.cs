using System.Text.Json;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="TimelineResult"/> as one line of JSON with a fixed property order:
/// <c>{"scenario","asOf","initial":{"conditions","nextSteps"},"steps":[{"on","note","added","removed","changed"}],"final"}</c>,
/// then <c>"trace"</c> when the run was traced, where conditions and next steps have the shape <see cref="JsonReportWriter"/> gives them. Byte-identical on re-run.
/// </summary>
public static class TimelineJsonWriter
{
    /// <summary>Writes the result as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write; the text is UTF-8 when the writer is.</param>
    public static void Write(TimelineResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(result));
        output.Write('\n');
    }

    /// <summary>The result as one JSON object (no trailing newline).</summary>
    /// <param name="result">The result.</param>
    public static string ToJson(TimelineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("scenario", result.Scenario);
            json.WriteString("asOf", FactValueFormatter.Format(result.AsOf));
            WriteState(json, "initial", result.Initial);
            json.WriteStartArray("steps");
            foreach (var step in result.Steps)
            {
                json.WriteStartObject();
                json.WriteString("on", FactValueFormatter.Format(step.On));
                if (step.Note is null)
                {
                    json.WriteNull("note");
                }
                else
                {
                    json.WriteString("note", step.Note);
                }

                WriteChanges(json, "added", step.Added);
                WriteChanges(json, "removed", step.Removed);
                WriteChanges(json, "changed", step.Changed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteState(json, "final", result.Final);
            if (result.Trace is { } trace)
            {
                TraceReportWriter.WriteJson(json, trace);
            }

            json.WriteEndObject();
        });
    }

    private static void WriteState(Utf8JsonWriter json, string name, EvaluationResult state)
    {
        json.WriteStartObject(name);
        JsonReportWriter.WriteConclusions(json, state);
        json.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter json, string name, TimelineChanges changes)
    {
        json.WriteStartObject(name);
        JsonReportWriter.WriteConditions(json, "conditions", changes.Conditions);
        JsonReportWriter.WriteNextSteps(json, "nextSteps", changes.NextSteps);
        json.WriteEndObject();
    }
}
