using System.Text.Json;
using SecurityGuarantees.Facts;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="RuleImpactReport"/> as one line of JSON:
/// <c>{"baseRules","newRules","changed","scenarios":[{"scenario","file","changed","points":[{"on","step","note","added","removed","changed"}]}]}</c>,
/// listing only the points (the scenario as written, timeline steps) where something differs.
/// </summary>
public static class RuleImpactJsonWriter
{
    /// <summary>Writes the report as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(RuleImpactReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(report));
        output.Write('\n');
    }

    /// <summary>The report as one JSON object (no trailing newline).</summary>
    /// <param name="report">The report.</param>
    public static string ToJson(RuleImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("baseRules", report.BaseRules);
            json.WriteString("newRules", report.NewRules);
            json.WriteBoolean("changed", report.HasChanges);
            json.WriteStartArray("scenarios");
            foreach (var scenario in report.Scenarios)
            {
                json.WriteStartObject();
                json.WriteString("scenario", scenario.Scenario);
                json.WriteString("file", scenario.File.Replace('\\', '/'));
                json.WriteBoolean("changed", scenario.HasChanges);
                json.WriteStartArray("points");
                foreach (var point in scenario.Points.Where(p => p.HasChanges))
                {
                    json.WriteStartObject();
                    json.WriteString("on", FactValueFormatter.Format(point.On));
                    json.WriteBoolean("step", point.Step);
                    json.WriteString("note", point.Note);
                    Deltas(json, "added", point.Added);
                    Deltas(json, "removed", point.Removed);
                    json.WriteStartArray("changed");
                    foreach (var change in point.Changed)
                    {
                        json.WriteStartObject();
                        json.WriteString("kind", change.Kind);
                        json.WriteString("id", change.Id);
                        json.WriteString("subject", change.Subject);
                        json.WriteString("actor", change.Actor);
                        json.WriteStartArray("changes");
                        foreach (var property in change.Changes)
                        {
                            json.WriteStartObject();
                            json.WriteString("property", property.Property);
                            json.WriteString("before", property.Before);
                            json.WriteString("after", property.After);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Deltas(Utf8JsonWriter json, string name, IReadOnlyList<ConclusionDelta> deltas)
    {
        json.WriteStartArray(name);
        foreach (var delta in deltas)
        {
            json.WriteStartObject();
            json.WriteString("kind", delta.Kind);
            json.WriteString("id", delta.Id);
            json.WriteString("subject", delta.Subject);
            json.WriteString("actor", delta.Actor);
            json.WriteString("severity", delta.Severity);
            json.WriteStartArray("parties");
            foreach (var party in delta.Parties)
            {
                json.WriteStringValue(party);
            }

            json.WriteEndArray();
            json.WriteString("text", delta.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
