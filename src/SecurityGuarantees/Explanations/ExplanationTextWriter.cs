using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Explanations;

/// <summary>Writes an <see cref="Explanation"/> as an indented tree for people, with <c>\n</c> line ends.</summary>
public static class ExplanationTextWriter
{
    /// <summary>Writes the explanation.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(Explanation explanation, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"Scenario {explanation.Scenario}, as of {FactValueFormatter.Format(explanation.AsOf)}"
            + (explanation.ScenarioFile is null ? "" : $" ({explanation.ScenarioFile})") + "\n");
        if (explanation.Conclusions.Count == 0)
        {
            output.Write("\nNo conclusions to explain.\n");
            return;
        }

        foreach (var conclusion in explanation.Conclusions)
        {
            output.Write("\n");
            output.Write(Describe(conclusion, root: true) + "\n");
            WriteJustifications(conclusion, output, "  ");
        }
    }

    private static void WriteJustifications(ExplanationNode node, TextWriter output, string indent)
    {
        foreach (var justification in node.Justifications)
        {
            output.Write($"{indent}because rule {justification.Rule}{(justification.Title is null ? "" : $" \"{justification.Title}\"")} ({At(justification.RuleLocation)})\n");
            if (justification.Matched.Count == 0)
            {
                output.Write($"{indent}  (matched no facts)\n");
            }

            foreach (var matched in justification.Matched)
            {
                output.Write($"{indent}  - {Describe(matched, root: false)}\n");
                WriteJustifications(matched, output, indent + "    ");
            }
        }
    }

    internal static string Describe(ExplanationNode node, bool root)
    {
        var text = node.Text is null ? "" : $": {node.Text}";
        return node.Origin switch
        {
            ExplainedFactOrigin.Today => $"{node.Label} (today, from asOf)",
            ExplainedFactOrigin.Scenario => node.Label + (node.Location is { } l ? $" ({At(l)})" : " (given in code)"),
            _ when root => node.Label + text,
            _ when node.ExplainedAbove => $"{node.Label} (derived, explained above)",
            _ => $"{node.Label} (derived){text}",
        };
    }

    internal static string At(SourceLocation location) => $"{location.File}:{location.Line}";
}
