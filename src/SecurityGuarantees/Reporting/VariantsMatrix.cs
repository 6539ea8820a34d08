using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// The matrix both text and Markdown show: one row per combination, rows of one outcome group together (groups in order
/// of first appearance), one column per conclusion that differs between combinations.
/// </summary>
internal sealed class VariantsMatrix
{
    public VariantsMatrix(VariantsResult result)
    {
        Conditions = result.DifferingConditions;
        NextSteps = result.DifferingNextSteps;
        Columns = [.. Conditions.Select((c, i) => ($"C{i + 1}", c.ToString())), .. NextSteps.Select((n, i) => ($"N{i + 1}", n.ToString()))];
        Headers = [.. result.Dimensions.Select(d => d.Label), "group", .. Columns.Select(c => c.Code)];
        Rows = [.. result.Variants.Select((v, i) => (v, i)).OrderBy(x => x.v.Group).ThenBy(x => x.i).Select(x => Row(result, x.v))];
    }

    public IReadOnlyList<ConditionKey> Conditions { get; }

    public IReadOnlyList<NextStepKey> NextSteps { get; }

    /// <summary>Column codes (<c>C1</c>, <c>N1</c>) with the conclusion each stands for.</summary>
    public IReadOnlyList<(string Code, string Label)> Columns { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Per row: the dimension values, the group number, then one flag per column.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Values, int Group, IReadOnlyList<bool> Holds)> Rows { get; }

    /// <summary>A value as the matrix shows it: presence as present/absent.</summary>
    public static string Show(WhatIfDimension dimension, string value) =>
        dimension.IsPresence ? (value == "true" ? "present" : "absent") : value;

    private (IReadOnlyList<string>, int, IReadOnlyList<bool>) Row(VariantsResult result, Variant variant) =>
        ([.. result.Dimensions.Select((d, i) => Show(d, variant.Values[i]))], variant.Group,
         [.. Conditions.Select(c => variant.Conclusions.Conditions.Contains(c)), .. NextSteps.Select(n => variant.Conclusions.NextSteps.Contains(n))]);
}
