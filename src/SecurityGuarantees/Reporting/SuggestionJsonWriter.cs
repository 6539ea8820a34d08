using SecurityGuarantees.Facts;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="SuggestionReport"/> as one line of JSON:
/// <c>{"scenario","asOf","goal":"hold"|"stop","target":{"kind","id","subject"},"alreadyReached","maxChanges","complete","evaluations","candidates","reasons":[…],"suggestions":[{"changes":[{"op","fact","field","value","text"}]}]}</c>.
/// </summary>
public static class SuggestionJsonWriter
{
    /// <summary>Writes the report as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(SuggestionReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(report));
        output.Write('\n');
    }

    /// <summary>The report as one JSON object (no trailing newline).</summary>
    /// <param name="report">The report.</param>
    public static string ToJson(SuggestionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("scenario", report.Scenario);
            json.WriteString("asOf", FactValueFormatter.Format(report.AsOf));
            json.WriteString("goal", report.Goal == SuggestionGoal.MakeHold ? "hold" : "stop");
            json.WriteStartObject("target");
            json.WriteString("kind", report.TargetKind);
            json.WriteString("id", report.Target);
            json.WriteString("subject", report.Subject);
            json.WriteEndObject();
            json.WriteBoolean("alreadyReached", report.AlreadyReached);
            json.WriteNumber("maxChanges", report.MaxChanges);
            json.WriteBoolean("complete", report.Complete);
            json.WriteNumber("evaluations", report.Evaluations);
            json.WriteNumber("candidates", report.Candidates);
            json.WriteStartArray("reasons");
            foreach (var reason in report.Reasons)
            {
                json.WriteStringValue(reason.Trim());
            }

            json.WriteEndArray();
            json.WriteStartArray("suggestions");
            foreach (var set in report.Suggestions)
            {
                json.WriteStartObject();
                json.WriteStartArray("changes");
                foreach (var change in set.Changes)
                {
                    json.WriteStartObject();
                    json.WriteString("op", change.Kind == ScenarioChangeKind.Set ? "set" : "remove");
                    json.WriteString("fact", change.Address.Fact.ToString());
                    json.WriteString("field", change.Address.Field);
                    json.WriteString("value", change.Value);
                    json.WriteString("text", change.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
