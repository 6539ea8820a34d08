using System.Globalization;
using SecurityGuarantees.Facts;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="SuggestionReport"/> for a terminal (or, with <c>markdown</c>, as Markdown): each change set with
/// one line per change, <c>set Type[key].field = value</c> or <c>remove Type[key]</c>, smallest first.
/// </summary>
public static class SuggestionTextWriter
{
    /// <summary>Writes the report; lines end with <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="markdown">Markdown (a heading and code spans) instead of plain text.</param>
    public static void Write(SuggestionReport report, TextWriter output, bool markdown = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var target = $"{report.TargetKind} {report.Target}" + (report.Subject is null ? "" : $" ({report.Subject})");
        var where = $"scenario {report.Scenario} as of {FactValueFormatter.Format(report.AsOf)}";
        var makeHold = report.Goal == SuggestionGoal.MakeHold;
        var verb = makeHold ? (report.TargetKind == "rule" ? "fires" : "holds") : "no longer holds";
        if (markdown)
        {
            output.Write($"## {(makeHold ? "What would make" : "What stops")} `{target}`\n\n");
        }

        if (report.AlreadyReached)
        {
            output.Write(makeHold
                ? $"{target} already {verb} in {where}; nothing to change.\n"
                : $"{target} does not hold in {where}; nothing to stop.\n");
            return;
        }

        var changes = report.MaxChanges == 1 ? "1 change" : string.Create(CultureInfo.InvariantCulture, $"{report.MaxChanges} changes");
        if (report.Suggestions.Count == 0)
        {
            output.Write($"no suggestion within {changes}: no set of up to {changes} to the facts of {where} makes {target} {(makeHold ? (report.TargetKind == "rule" ? "fire" : "hold") : "stop holding")}.\n");
            foreach (var reason in report.Reasons)
            {
                output.Write(markdown ? $"{(reason.StartsWith("  ", StringComparison.Ordinal) ? "  - " : "- ")}{reason.TrimStart()}\n" : $"  {reason}\n");
            }
        }
        else
        {
            output.Write($"The smallest changes after which {target} {verb} in {where} "
                + $"(at most {changes}, each verified by evaluating the changed scenario):\n");
            for (var i = 0; i < report.Suggestions.Count; i++)
            {
                var set = report.Suggestions[i];
                output.Write(string.Create(CultureInfo.InvariantCulture, $"{(markdown ? "\n" : "")}suggestion {i + 1} ({(set.Changes.Count == 1 ? "1 change" : $"{set.Changes.Count} changes")}):\n"));
                foreach (var change in set.Changes)
                {
                    output.Write(markdown ? $"- `{change}`\n" : $"  {change}\n");
                }
            }
        }

        if (!report.Complete)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{(markdown ? "\n" : "")}the search stopped after {report.Evaluations} evaluations; larger sets were not all tried.\n"));
        }
    }
}
