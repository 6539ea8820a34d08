using System.Globalization;
using SecurityGuarantees.Facts;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>Writes a <see cref="VariantsResult"/> for a terminal: the dimensions, what always holds, and the matrix of what differs.</summary>
public static class VariantsTextWriter
{
    /// <summary>Writes the report; lines end with <c>\n</c>.</summary>
    /// <param name="result">The variants.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(VariantsResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var matrix = new VariantsMatrix(result);
        var groups = result.Variants.Select(v => v.Group).Distinct().Count();
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"What if: {result.Scenario} as of {FactValueFormatter.Format(result.AsOf)}: {Plural(result.Variants.Count, "variant")} over {Plural(result.Dimensions.Count, "dimension")}, {Plural(groups, "distinct outcome")}\n"));
        foreach (var dimension in result.Dimensions)
        {
            output.Write($"  {dimension.Label}: {string.Join(", ", dimension.Values.Select(v => VariantsMatrix.Show(dimension, v)))}\n");
        }

        output.Write("\nHolds in every variant:\n");
        output.Write($"  conditions: {List(result.Always.Conditions)}\n");
        output.Write($"  next steps: {List(result.Always.NextSteps)}\n");
        if (matrix.Columns.Count == 0)
        {
            output.Write("\nEvery variant has the same conclusions.\n");
            return;
        }

        output.Write("\nDiffers between variants:\n");
        foreach (var (code, label) in matrix.Columns)
        {
            output.Write($"  {code,-4}{(code[0] == 'C' ? "condition" : "next step")} {label}\n");
        }

        output.Write('\n');
        var widths = matrix.Headers.Select((h, i) => Math.Max(h.Length, matrix.Rows.Select(r => Cell(r, i, result.Dimensions.Count).Length).DefaultIfEmpty(0).Max())).ToList();
        output.Write(Line(matrix.Headers, widths));
        var previous = 0;
        foreach (var row in matrix.Rows)
        {
            if (previous != 0 && row.Group != previous)
            {
                output.Write('\n');
            }

            previous = row.Group;
            output.Write(Line([.. matrix.Headers.Select((_, i) => Cell(row, i, result.Dimensions.Count))], widths));
        }
    }

    private static string Cell((IReadOnlyList<string> Values, int Group, IReadOnlyList<bool> Holds) row, int column, int dimensions) =>
        column < dimensions ? row.Values[column]
        : column == dimensions ? row.Group.ToString(CultureInfo.InvariantCulture)
        : row.Holds[column - dimensions - 1] ? "x" : ".";

    private static string Line(IReadOnlyList<string> cells, IReadOnlyList<int> widths) =>
        "  " + string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd() + "\n";

    private static string List<T>(IReadOnlyList<T> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);

    private static string Plural(int n, string word) => string.Create(CultureInfo.InvariantCulture, $"{n} {word}{(n == 1 ? "" : "s")}");
}
