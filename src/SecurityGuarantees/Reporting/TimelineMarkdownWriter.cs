using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Reporting;

/// <summary>Writes a <see cref="TimelineResult"/> as a Markdown report: the same content as <see cref="TimelineTextWriter"/>.</summary>
public static class TimelineMarkdownWriter
{
    /// <summary>Writes the report, with <c>\n</c> line ends.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="description">An optional paragraph under the title.</param>
    public static void Write(TimelineResult result, TextWriter output, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        void Line(string text = "") => output.Write(text + "\n");

        Line($"# Timeline `{result.Scenario}`, {Format(result.AsOf)} to {Format(result.Final.AsOf)}");
        Line();
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line(Escape(description.Trim()));
            Line();
        }

        Line($"## At the start, {Format(result.AsOf)}");
        Line();
        WriteState(result.Initial, Line);
        foreach (var step in result.Steps)
        {
            Line();
            Line(string.IsNullOrWhiteSpace(step.Note) ? $"## {Format(step.On)}" : $"## {Format(step.On)}: {Escape(step.Note.Trim())}");
            Line();
            if (step.Added.IsEmpty && step.Removed.IsEmpty && step.Changed.IsEmpty)
            {
                Line("No change.");
                continue;
            }

            Line("| Change | Conclusion | Subject | Parties or actor | What it means | Why |");
            Line("|---|---|---|---|---|---|");
            Rows("added", step.Added, withReasons: true, Line);
            Rows("changed", step.Changed, withReasons: false, Line);
            Rows("removed", step.Removed, withReasons: false, Line);
        }

        Line();
        Line($"## At the end, {Format(result.Final.AsOf)}");
        Line();
        WriteState(result.Final, Line);
    }

    private static void Rows(string change, TimelineChanges changes, bool withReasons, Action<string> line)
    {
        foreach (var c in changes.Conditions)
        {
            var why = withReasons ? Escape(string.Join("; ", c.Justifications.Select(TextReportWriter.Because))) : "";
            line($"| {change} | {TextReportWriter.SeverityLabel(c.Severity)} `{c.Id}` | {Escape(c.Subject ?? "")} | {Escape(string.Join(", ", c.Parties))} | "
                + $"{Escape(c.Text ?? "")} | {why} |");
        }

        foreach (var n in changes.NextSteps)
        {
            var why = withReasons ? Escape(string.Join("; ", n.Justifications.Select(TextReportWriter.Because))) : "";
            line($"| {change} | next step `{n.Id}` | {Escape(n.Subject ?? "")} | {Escape(n.Actor ?? "")} | {Escape(n.Text ?? "")} | {why} |");
        }
    }

    private static void WriteState(EvaluationResult state, Action<string> line)
    {
        if (state.Conditions.Count == 0)
        {
            line("No conditions hold.");
        }
        else
        {
            line("| Severity | Condition | Subject | Parties | What it means |");
            line("|---|---|---|---|---|");
            foreach (var c in state.Conditions.OrderByDescending(c => c.Severity).ThenBy(c => c.Id, StringComparer.Ordinal)
                         .ThenBy(c => c.Subject, StringComparer.Ordinal))
            {
                line($"| {TextReportWriter.SeverityLabel(c.Severity)} | `{c.Id}` | {Escape(c.Subject ?? "")} | {Escape(string.Join(", ", c.Parties))} | {Escape(c.Text ?? "")} |");
            }
        }

        line("");
        if (state.NextSteps.Count == 0)
        {
            line("No next steps follow.");
            return;
        }

        line("| Actor | Next step | Subject | Priority | What to do |");
        line("|---|---|---|---|---|");
        foreach (var n in state.NextSteps)
        {
            line($"| {Escape(n.Actor ?? "")} | `{n.Id}` | {Escape(n.Subject ?? "")} | {n.Priority} | {Escape(n.Text ?? "")} |");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Format(DateOnly date) => FactValueFormatter.Format(date);
}
