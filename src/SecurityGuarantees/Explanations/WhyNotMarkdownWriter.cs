using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Explanations;

/// <summary>Writes a <see cref="WhyNotReport"/> as Markdown, with <c>\n</c> line ends.</summary>
public static class WhyNotMarkdownWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(WhyNotReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        void Line(string text = "") => output.Write(text + "\n");
        Line($"# Why not: `{report.Scenario}` as of {FactValueFormatter.Format(report.AsOf)}");
        if (report.Condition is not null)
        {
            Line();
            Line(report.ConditionHolds.Count > 0
                ? $"Condition `{report.Condition}` **holds**: {string.Join(", ", report.ConditionHolds.Select(MarkdownText.Code))}."
                : $"Condition `{report.Condition}` **does not hold**.");
            Line($"Derived by: {string.Join(", ", report.Rules.Select(r => MarkdownText.Code(r.Rule)))}.");
        }

        foreach (var rule in report.Rules)
        {
            Line();
            Line($"## Rule `{rule.Rule}`: {(rule.Fired ? "fired" : "did not fire")}");
            Line();
            Line($"{(rule.Title is null ? "" : MarkdownText.Escape(rule.Title) + " — ")}`{ExplanationTextWriter.At(rule.Location)}`");
            if (rule.Fired)
            {
                Line();
                Line($"Concluded {string.Join(", ", rule.Conclusions.Select(MarkdownText.Code))}; `explain` shows why.");
            }

            Line();
            Line("| # | Element | Outcome | Matches | Where |");
            Line("|---|---|---|---|---|");
            for (var i = 0; i < rule.Elements.Count; i++)
            {
                var e = rule.Elements[i];
                Line($"| {i + 1} | {MarkdownText.Code(e.Summary).Replace("|", "\\|", StringComparison.Ordinal)} | {Outcome(e.Outcome)} | "
                    + $"{(e.Outcome is ElementOutcome.Matched or ElementOutcome.Failed ? $"{e.MatchesBefore} → {e.MatchesAfter}" : "")} | `{ExplanationTextWriter.At(e.Location)}` |");
            }

            if (rule.FirstFailing is { } failing)
            {
                var e = rule.Elements[failing];
                Line();
                Line($"### First failing element: {failing + 1} (`{e.Kind}`)");
                Line();
                WriteDetail(e, output, "");
                if (rule.DroppedOut.Count > 0)
                {
                    Line();
                    Line("Where each candidate dropped out:");
                    Line();
                    foreach (var dropOut in rule.DroppedOut)
                    {
                        Line($"- {MarkdownText.Escape(WhyNotTextWriter.DropOut(rule, dropOut))}");
                    }
                }
            }
        }
    }

    private static void WriteDetail(ElementAnalysis e, TextWriter output, string indent)
    {
        void Line(string text) => output.Write(text + "\n");
        if (e.Bindings.Count > 0)
        {
            Line($"{indent}- bindings reached: {string.Join("; ", e.Bindings.Select(b => MarkdownText.Code(b.ToString())))}");
        }

        if (e.Note is not null)
        {
            Line($"{indent}- {MarkdownText.Escape(e.Note)}");
        }

        foreach (var candidate in e.Closest)
        {
            var where = candidate.Location is { } l ? $" (`{ExplanationTextWriter.At(l)}`)" : "";
            Line($"{indent}- {candidate.Type} `{candidate.Key}`{where}{(candidate.Conjuncts.Count > 0 ? $": {candidate.Satisfied} of {candidate.Total} hold" : "")}");
            foreach (var conjunct in candidate.Conjuncts)
            {
                Line($"{indent}  - {MarkdownText.Code(conjunct.Text)} is {(conjunct.Result is null ? "faulted" : "false")}"
                    + (conjunct.Values.Length > 0 ? $" ({MarkdownText.Code(conjunct.Values)})" : ""));
            }
        }

        foreach (var nested in e.Nested)
        {
            Line($"{indent}- {Outcome(nested.Outcome)}: {MarkdownText.Code(nested.Summary)} (`{ExplanationTextWriter.At(nested.Location)}`)");
            if (nested.Outcome == ElementOutcome.Failed)
            {
                WriteDetail(nested, output, indent + "  ");
            }
        }
    }

    private static string Outcome(ElementOutcome outcome) => outcome switch
    {
        ElementOutcome.Matched => "matched",
        ElementOutcome.Failed => "**failed**",
        ElementOutcome.NotReached => "not reached",
        _ => "not analysed",
    };
}
