using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes an <see cref="EvaluationResult"/> as one line of JSON with a fixed property order, so the same inputs give
/// byte-identical output (JSON Lines when several results are written one after another). A result with a firing trace
/// gets a last property, <c>trace</c> (see <see cref="TraceReportWriter"/>).
/// </summary>
public static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Runs <paramref name="write"/> on a compact JSON writer and returns the UTF-8 text it wrote.</summary>
    internal static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the result as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write; the text is UTF-8 when the writer is.</param>
    public static void Write(EvaluationResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(result));
        output.Write('\n');
    }

    /// <summary>The result as one JSON object (no trailing newline).</summary>
    /// <param name="result">The result.</param>
    public static string ToJson(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("scenario", result.Scenario);
            json.WriteString("asOf", FactValueFormatter.Format(result.AsOf));
            WriteConclusions(json, result);
            if (result.Trace is { } trace)
            {
                TraceReportWriter.WriteJson(json, trace);
            }

            json.WriteEndObject();
        });
    }

    /// <summary>Writes the <c>conditions</c> and <c>nextSteps</c> properties of a result into an open object.</summary>
    internal static void WriteConclusions(Utf8JsonWriter json, EvaluationResult result)
    {
        WriteConditions(json, "conditions", result.Conditions);
        WriteNextSteps(json, "nextSteps", result.NextSteps);
    }

    internal static void WriteConditions(Utf8JsonWriter json, string name, IEnumerable<ConditionResult> conditions)
    {
        json.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            json.WriteStartObject();
            json.WriteString("id", condition.Id);
            json.WriteString("subject", condition.Subject);
            json.WriteStartArray("parties");
            foreach (var party in condition.Parties)
            {
                json.WriteStringValue(party);
            }

            json.WriteEndArray();
            json.WriteString("severity", FactValueFormatter.Format(condition.Severity));
            json.WriteString("text", condition.Text);
            WriteJustifications(json, condition.Justifications);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void WriteNextSteps(Utf8JsonWriter json, string name, IEnumerable<NextStepResult> nextSteps)
    {
        json.WriteStartArray(name);
        foreach (var step in nextSteps)
        {
            json.WriteStartObject();
            json.WriteString("id", step.Id);
            json.WriteString("actor", step.Actor);
            json.WriteString("subject", step.Subject);
            json.WriteNumber("priority", step.Priority);
            json.WriteString("text", step.Text);
            WriteJustifications(json, step.Justifications);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteJustifications(Utf8JsonWriter json, IEnumerable<Justification> justifications)
    {
        json.WriteStartArray("justifications");
        foreach (var justification in justifications)
        {
            json.WriteStartObject();
            json.WriteString("rule", justification.Rule);
            json.WriteStartArray("because");
            foreach (var fact in justification.Because)
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
}
