using System.Globalization;
using SecurityGuarantees.Facts;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="RuleImpactReport"/> for a terminal (<see cref="Write"/>) or as a pull-request comment in Markdown
/// (<see cref="WriteMarkdown"/>): per changed scenario and point, <c>+</c> added, <c>-</c> removed, <c>~</c> changed.
/// </summary>
public static class RuleImpactTextWriter
{
    /// <summary>Writes the report as text; lines end with <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(RuleImpactReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"Rule-change impact: {report.BaseRules} -> {report.NewRules}: {Summary(report)}\n");
        foreach (var scenario in report.Scenarios.Where(s => s.HasChanges))
        {
            output.Write($"\n{scenario.Scenario} ({scenario.File.Replace('\\', '/')})\n");
            foreach (var point in scenario.Points.Where(p => p.HasChanges))
            {
                output.Write($"  {PointName(point)}:\n");
                foreach (var delta in point.Added)
                {
                    output.Write($"    + {delta.Label}{Details(delta)}\n");
                }

                foreach (var delta in point.Removed)
                {
                    output.Write($"    - {delta.Label}{Details(delta)}\n");
                }

                foreach (var change in point.Changed)
                {
                    output.Write($"    ~ {change.Label}: {string.Join("; ", change.Changes.Select(c => $"{c.Property} {Quote(c)}"))}\n");
                }
            }
        }

        var unchanged = report.Scenarios.Where(s => !s.HasChanges).Select(s => s.Scenario).ToList();
        if (unchanged.Count > 0)
        {
            output.Write($"\nunchanged: {string.Join(", ", unchanged)}\n");
        }
    }

    /// <summary>Writes the report as Markdown fit for a pull-request comment; lines end with <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteMarkdown(RuleImpactReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"### Rule-change impact\n\n`{report.BaseRules}` → `{report.NewRules}`: **{Summary(report)}**\n");
        foreach (var scenario in report.Scenarios.Where(s => s.HasChanges))
        {
            output.Write($"\n#### `{scenario.Scenario}` ({scenario.File.Replace('\\', '/')})\n\n| | when | conclusion | change |\n|---|---|---|---|\n");
            foreach (var point in scenario.Points.Where(p => p.HasChanges))
            {
                var when = Cell(PointName(point));
                foreach (var delta in point.Added)
                {
                    output.Write($"| ➕ added | {when} | {Cell(delta.Label)} | {Cell(Details(delta).TrimStart(':', ' '))} |\n");
                }

                foreach (var delta in point.Removed)
                {
                    output.Write($"| ➖ removed | {when} | {Cell(delta.Label)} | {Cell(Details(delta).TrimStart(':', ' '))} |\n");
                }

                foreach (var change in point.Changed)
                {
                    output.Write($"| ✏️ changed | {when} | {Cell(change.Label)} | {Cell(string.Join("; ", change.Changes.Select(c => $"{c.Property} {Quote(c)}")))} |\n");
                }
            }
        }

        var unchanged = report.Scenarios.Where(s => !s.HasChanges).Select(s => $"`{s.Scenario}`").ToList();
        if (unchanged.Count > 0)
        {
            output.Write($"\n<details><summary>{unchanged.Count} scenario(s) without changes</summary>\n\n{string.Join(", ", unchanged)}\n\n</details>\n");
        }
    }

    private static string Summary(RuleImpactReport report)
    {
        var changed = report.Scenarios.Count(s => s.HasChanges);
        return string.Create(CultureInfo.InvariantCulture, $"{changed} of {report.Scenarios.Count} scenario(s) change");
    }

    private static string PointName(ImpactPoint point) =>
        point.Step ? $"step {FactValueFormatter.Format(point.On)}" + (point.Note is null ? "" : $" ({point.Note})") : $"as of {FactValueFormatter.Format(point.On)}";

    private static string Details(ConclusionDelta delta) =>
        (delta.Severity is null ? "" : $" {delta.Severity}") + (delta.Parties.Count == 0 ? "" : $" [{string.Join(", ", delta.Parties)}]")
        + (delta.Text is null ? "" : $": {delta.Text}");

    private static string Quote(PropertyChange change) =>
        change.Property == "text" ? $"\"{change.Before}\" -> \"{change.After}\"" : $"{Empty(change.Before)} -> {Empty(change.After)}";

    private static string Empty(string value) => value.Length == 0 ? "(none)" : value;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
