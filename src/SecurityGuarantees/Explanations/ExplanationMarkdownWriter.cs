using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Explanations;

/// <summary>Writes an <see cref="Explanation"/> as Markdown: a heading per conclusion and nested lists, with <c>\n</c> line ends.</summary>
public static class ExplanationMarkdownWriter
{
    /// <summary>Writes the explanation.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(Explanation explanation, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"# Why: `{explanation.Scenario}` as of {FactValueFormatter.Format(explanation.AsOf)}\n");
        if (explanation.Conclusions.Count == 0)
        {
            output.Write("\nNo conclusions to explain.\n");
            return;
        }

        foreach (var conclusion in explanation.Conclusions)
        {
            output.Write($"\n## {conclusion.Type} `{conclusion.Key}`\n\n");
            if (conclusion.Text is not null)
            {
                output.Write(MarkdownText.Escape(conclusion.Text) + "\n\n");
            }

            WriteJustifications(conclusion, output, "");
        }
    }

    private static void WriteJustifications(ExplanationNode node, TextWriter output, string indent)
    {
        foreach (var justification in node.Justifications)
        {
            output.Write($"{indent}- because rule `{justification.Rule}`{(justification.Title is null ? "" : " — " + MarkdownText.Escape(justification.Title))}"
                + $" (`{ExplanationTextWriter.At(justification.RuleLocation)}`)\n");
            foreach (var matched in justification.Matched)
            {
                var where = matched.Origin switch
                {
                    ExplainedFactOrigin.Scenario when matched.Location is { } l => $" (`{ExplanationTextWriter.At(l)}`)",
                    ExplainedFactOrigin.Today => " (today, from asOf)",
                    ExplainedFactOrigin.Derived when matched.ExplainedAbove => " (derived, explained above)",
                    ExplainedFactOrigin.Derived => " (derived)",
                    _ => "",
                };
                output.Write($"{indent}  - {matched.Type} `{matched.Key}`{where}\n");
                WriteJustifications(matched, output, indent + "    ");
            }
        }
    }
}

/// <summary>Escapes text for Markdown prose and table cells.</summary>
internal static class MarkdownText
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);

    public static string Code(string text) => text.Contains('`', StringComparison.Ordinal) ? $"`` {text} ``" : $"`{text}`";
}
