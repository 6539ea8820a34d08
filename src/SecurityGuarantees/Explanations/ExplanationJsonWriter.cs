using System.Text.Json;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Reporting;

namespace SecurityGuarantees.Explanations;

/// <summary>
/// Writes an <see cref="Explanation"/> as one line of JSON with a fixed property order:
/// <c>{"scenario","asOf","conclusions":[node]}</c>, a node being
/// <c>{"type","key","origin","text","location","explainedAbove","justifications":[{"rule","title","location","matched":[node]}]}</c>
/// and a location <c>{"file","line","column"}</c> or <c>null</c>.
/// </summary>
public static class ExplanationJsonWriter
{
    /// <summary>Writes the explanation as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(Explanation explanation, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(explanation));
        output.Write('\n');
    }

    /// <summary>The explanation as one JSON object (no trailing newline).</summary>
    /// <param name="explanation">The explanation.</param>
    public static string ToJson(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("scenario", explanation.Scenario);
            json.WriteString("asOf", FactValueFormatter.Format(explanation.AsOf));
            json.WriteStartArray("conclusions");
            foreach (var node in explanation.Conclusions)
            {
                WriteNode(json, node);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteNode(Utf8JsonWriter json, ExplanationNode node)
    {
        json.WriteStartObject();
        json.WriteString("type", node.Type);
        json.WriteString("key", node.Key);
        json.WriteString("origin", node.Origin switch
        {
            ExplainedFactOrigin.Scenario => "scenario",
            ExplainedFactOrigin.Today => "today",
            _ => "derived",
        });
        json.WriteString("text", node.Text);
        WriteLocation(json, "location", node.Location);
        json.WriteBoolean("explainedAbove", node.ExplainedAbove);
        json.WriteStartArray("justifications");
        foreach (var justification in node.Justifications)
        {
            json.WriteStartObject();
            json.WriteString("rule", justification.Rule);
            json.WriteString("title", justification.Title);
            WriteLocation(json, "location", justification.RuleLocation);
            json.WriteStartArray("matched");
            foreach (var matched in justification.Matched)
            {
                WriteNode(json, matched);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A location as <c>{"file","line","column"}</c>, or <c>null</c>.</summary>
    internal static void WriteLocation(Utf8JsonWriter json, string name, SourceLocation? location)
    {
        if (location is not { } at)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("file", at.File);
        json.WriteNumber("line", at.Line);
        json.WriteNumber("column", at.Column);
        json.WriteEndObject();
    }
}
