using System.Text.Json;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Reporting;

namespace SecurityGuarantees.Explanations;

/// <summary>
/// Writes a <see cref="WhyNotReport"/> as one line of JSON with a fixed property order:
/// <c>{"scenario","asOf","condition","conditionHolds","rules":[{"rule","title","location","fired","conclusions","firstFailing","elements":[element]}]}</c>,
/// an element being <c>{"kind","summary","location","outcome","matchesBefore","matchesAfter","bindings","closest","nested","note"}</c>.
/// </summary>
public static class WhyNotJsonWriter
{
    /// <summary>Writes the report as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(WhyNotReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(report));
        output.Write('\n');
    }

    /// <summary>The report as one JSON object (no trailing newline).</summary>
    /// <param name="report">The report.</param>
    public static string ToJson(WhyNotReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("scenario", report.Scenario);
            json.WriteString("asOf", FactValueFormatter.Format(report.AsOf));
            json.WriteString("condition", report.Condition);
            WriteStrings(json, "conditionHolds", report.ConditionHolds);
            json.WriteStartArray("rules");
            foreach (var rule in report.Rules)
            {
                json.WriteStartObject();
                json.WriteString("rule", rule.Rule);
                json.WriteString("title", rule.Title);
                ExplanationJsonWriter.WriteLocation(json, "location", rule.Location);
                json.WriteBoolean("fired", rule.Fired);
                WriteStrings(json, "conclusions", rule.Conclusions);
                if (rule.FirstFailing is { } failing)
                {
                    json.WriteNumber("firstFailing", failing);
                }
                else
                {
                    json.WriteNull("firstFailing");
                }

                WriteElements(json, "elements", rule.Elements);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteElements(Utf8JsonWriter json, string name, IReadOnlyList<ElementAnalysis> elements)
    {
        json.WriteStartArray(name);
        foreach (var element in elements)
        {
            json.WriteStartObject();
            json.WriteString("kind", element.Kind);
            json.WriteString("summary", element.Summary);
            ExplanationJsonWriter.WriteLocation(json, "location", element.Location);
            json.WriteString("outcome", element.Outcome switch
            {
                ElementOutcome.Matched => "matched",
                ElementOutcome.Failed => "failed",
                ElementOutcome.NotReached => "not-reached",
                _ => "not-analysed",
            });
            json.WriteNumber("matchesBefore", element.MatchesBefore);
            json.WriteNumber("matchesAfter", element.MatchesAfter);
            json.WriteStartArray("bindings");
            foreach (var match in element.Bindings)
            {
                WriteMatch(json, match);
            }

            json.WriteEndArray();
            json.WriteStartArray("closest");
            foreach (var candidate in element.Closest)
            {
                json.WriteStartObject();
                json.WriteString("type", candidate.Type);
                json.WriteString("key", candidate.Key);
                ExplanationJsonWriter.WriteLocation(json, "location", candidate.Location);
                json.WriteNumber("satisfied", candidate.Satisfied);
                json.WriteNumber("total", candidate.Total);
                json.WriteStartArray("conjuncts");
                foreach (var conjunct in candidate.Conjuncts)
                {
                    json.WriteStartObject();
                    json.WriteString("text", conjunct.Text);
                    ExplanationJsonWriter.WriteLocation(json, "location", conjunct.Location);
                    if (conjunct.Result is { } value)
                    {
                        json.WriteBoolean("result", value);
                    }
                    else
                    {
                        json.WriteNull("result");
                    }

                    json.WriteString("values", conjunct.Values);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WritePropertyName("with");
                WriteMatch(json, candidate.With);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteElements(json, "nested", element.Nested);
            json.WriteString("note", element.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A partial match as an array of <c>{"name","value"}</c>.</summary>
    private static void WriteMatch(Utf8JsonWriter json, WhyNotMatch match)
    {
        json.WriteStartArray();
        foreach (var binding in match.Bindings)
        {
            json.WriteStartObject();
            json.WriteString("name", binding.Name);
            json.WriteString("value", binding.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
