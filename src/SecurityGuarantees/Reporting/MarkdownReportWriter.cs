using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Reporting;

/// <summary>Writes an <see cref="EvaluationResult"/> as a Markdown report: the same content as the text report.</summary>
public static class MarkdownReportWriter
{
    /// <summary>Writes the report, with <c>\n</c> line ends.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="description">An optional paragraph under the title.</param>
    public static void Write(EvaluationResult result, TextWriter output, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        void Line(string text = "") => output.Write(text + "\n");

        Line($"# Scenario `{result.Scenario}`, as of {FactValueFormatter.Format(result.AsOf)}");
        Line();
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line(Escape(description.Trim()));
            Line();
        }

        Line("## Conditions");
        Line();
        if (result.Conditions.Count == 0)
        {
            Line("No conditions hold.");
        }
        else
        {
            Line("| Severity | Condition | Subject | Parties | What it means | Why |");
            Line("|---|---|---|---|---|---|");
            foreach (var c in result.Conditions.OrderByDescending(c => c.Severity).ThenBy(c => c.Id, StringComparer.Ordinal)
                         .ThenBy(c => c.Subject, StringComparer.Ordinal))
            {
                Line($"| {TextReportWriter.SeverityLabel(c.Severity)} | `{c.Id}` | {Escape(c.Subject ?? "")} | {Escape(string.Join(", ", c.Parties))} | "
                    + $"{Escape(c.Text ?? "")} | {Escape(string.Join("; ", c.Justifications.Select(TextReportWriter.Because)))} |");
            }
        }

        Line();
        Line("## Next steps");
        Line();
        if (result.NextSteps.Count == 0)
        {
            Line("No next steps follow.");
            return;
        }

        Line("| Actor | Next step | Subject | Priority | What to do | Why |");
        Line("|---|---|---|---|---|---|");
        foreach (var n in result.NextSteps)
        {
            Line($"| {Escape(n.Actor ?? "")} | `{n.Id}` | {Escape(n.Subject ?? "")} | {n.Priority} | {Escape(n.Text ?? "")} | "
                + $"{Escape(string.Join("; ", n.Justifications.Select(TextReportWriter.Because)))} |");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
