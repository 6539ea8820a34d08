using System.Globalization;
using SecurityGuarantees.Facts;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>Writes a <see cref="VariantsResult"/> as Markdown: what always holds, a legend and the matrix as a table.</summary>
public static class VariantsMarkdownWriter
{
    /// <summary>Writes the report; lines end with <c>\n</c>.</summary>
    /// <param name="result">The variants.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(VariantsResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var matrix = new VariantsMatrix(result);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"## What if: `{result.Scenario}` as of {FactValueFormatter.Format(result.AsOf)}\n\n{result.Variants.Count} variant(s) over {result.Dimensions.Count} dimension(s):\n\n"));
        foreach (var dimension in result.Dimensions)
        {
            output.Write($"- `{dimension.Label}`: {string.Join(", ", dimension.Values.Select(v => VariantsMatrix.Show(dimension, v)))}\n");
        }

        output.Write("\n**Holds in every variant**\n\n");
        output.Write($"- conditions: {List(result.Always.Conditions)}\n");
        output.Write($"- next steps: {List(result.Always.NextSteps)}\n");
        if (matrix.Columns.Count == 0)
        {
            output.Write("\nEvery variant has the same conclusions.\n");
            return;
        }

        output.Write("\n**Differs between variants**\n\n");
        foreach (var (code, label) in matrix.Columns)
        {
            output.Write($"- {code}: {(code[0] == 'C' ? "condition" : "next step")} `{label}`\n");
        }

        output.Write("\n| " + string.Join(" | ", matrix.Headers.Select((h, i) => i < result.Dimensions.Count ? $"`{Escape(h)}`" : h)) + " |\n");
        output.Write("|" + string.Concat(matrix.Headers.Select(_ => "---|")) + "\n");
        foreach (var row in matrix.Rows)
        {
            var cells = row.Values.Select(Escape).Append(row.Group.ToString(CultureInfo.InvariantCulture)).Concat(row.Holds.Select(h => h ? "✓" : ""));
            output.Write("| " + string.Join(" | ", cells) + " |\n");
        }
    }

    private static string List<T>(IReadOnlyList<T> items) => items.Count == 0 ? "(none)" : string.Join(", ", items.Select(i => $"`{i}`"));

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
