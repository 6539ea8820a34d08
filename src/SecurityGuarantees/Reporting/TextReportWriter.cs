using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Reporting;

/// <summary>Writes an <see cref="EvaluationResult"/> for people: conditions by severity, next steps by actor, each with its reason.</summary>
public static class TextReportWriter
{
    /// <summary>A condition holding for more subjects than this is written as one line listing them.</summary>
    private const int GroupAbove = 4;

    /// <summary>Writes the report, with <c>\n</c> line ends.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="description">An optional line under the title, e.g. the scenario's description.</param>
    public static void Write(EvaluationResult result, TextWriter output, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        void Line(string text = "") => output.Write(text + "\n");

        Line($"Scenario {result.Scenario}, as of {FactValueFormatter.Format(result.AsOf)}");
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line(description.Trim());
        }

        Line();
        if (result.Conditions.Count == 0)
        {
            Line("No conditions hold.");
        }
        else
        {
            Line($"Conditions ({result.Conditions.Count})");
            var ordered = result.Conditions.OrderByDescending(c => c.Severity).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ThenBy(c => c.Subject, StringComparer.Ordinal);
            foreach (var group in ordered.GroupBy(c => (c.Severity, c.Id)))
            {
                var items = group.ToList();
                if (items.Count > GroupAbove)
                {
                    // Many subjects of one condition read better as one line than as a page.
                    var subjects = string.Join(", ", items.Select(c => c.Subject ?? "-"));
                    Line($"  {SeverityLabel(group.Key.Severity),-8} {group.Key.Id} ({items.Count}): {subjects}");
                    Line($"           e.g. {items[0].Text}");
                    Line($"           because rule {string.Join(", rule ", items.SelectMany(c => c.Justifications).Select(j => j.Rule).Distinct())}");
                    continue;
                }

                foreach (var condition in items)
                {
                    var parties = condition.Parties.Count > 0 ? $" [{string.Join(", ", condition.Parties)}]" : "";
                    Line($"  {SeverityLabel(condition.Severity),-8} {condition.Id}{About(condition.Subject)}{parties}");
                    if (!string.IsNullOrWhiteSpace(condition.Text))
                    {
                        Line($"           {condition.Text}");
                    }

                    foreach (var reason in condition.Justifications)
                    {
                        Line($"           because {Because(reason)}");
                    }
                }
            }
        }

        Line();
        if (result.NextSteps.Count == 0)
        {
            Line("No next steps follow.");
            return;
        }

        Line($"Next steps ({result.NextSteps.Count})");
        foreach (var actor in result.NextSteps.GroupBy(n => n.Actor ?? "(anyone)"))
        {
            Line($"  {actor.Key}");
            foreach (var step in actor.OrderByDescending(s => s.Priority).ThenBy(s => s.Id, StringComparer.Ordinal))
            {
                Line($"    - {step.Id}{About(step.Subject)}{(step.Priority != 0 ? $" (priority {step.Priority})" : "")}");
                if (!string.IsNullOrWhiteSpace(step.Text))
                {
                    Line($"      {step.Text}");
                }

                foreach (var reason in step.Justifications)
                {
                    Line($"      because {Because(reason)}");
                }
            }
        }
    }

    internal static string Because(Justification justification) =>
        justification.Because.Count == 0
            ? $"rule {justification.Rule}"
            : $"rule {justification.Rule} matched {string.Join(", ", justification.Because.Select(b => $"{b.Type} {b.Key}"))}";

    // One casing everywhere, the compiler-style diagnostics' and the JSON's: lower case (a terminal adds colour instead).
    internal static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string About(string? subject) => subject is null ? "" : $" ({subject})";
}
