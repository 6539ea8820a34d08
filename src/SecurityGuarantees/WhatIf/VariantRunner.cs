using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.WhatIf;

/// <summary>Runs every combination of resolved dimensions on one <see cref="LiveScenario"/> and groups the outcomes.</summary>
internal static class VariantRunner
{
    /// <summary>The number of combinations, or <see langword="null"/> beyond <paramref name="cap"/>.</summary>
    public static long? CountCombinations(IReadOnlyList<ResolvedDimension> dimensions, int cap)
    {
        long count = 1;
        foreach (var dimension in dimensions)
        {
            count *= dimension.Choices.Count;
            if (count > cap)
            {
                return null;
            }
        }

        return count;
    }

    public static VariantsResult Run(LiveScenario live, string scenario, IReadOnlyList<ResolvedDimension> dimensions)
    {
        var outcomes = new List<(string[] Values, ConclusionSet Conclusions)>();
        var index = new int[dimensions.Count];
        while (true)
        {
            var changes = new List<ResolvedChange>();
            var values = new string[dimensions.Count];
            for (var d = 0; d < dimensions.Count; d++)
            {
                changes.AddRange(dimensions[d].Choices[index[d]]);
                values[d] = dimensions[d].Dimension.Values[index[d]];
            }

            outcomes.Add((values, ConclusionOrder.Of(live.Apply(changes))));
            if (!Advance(index, dimensions))
            {
                break;
            }
        }

        var alwaysConditions = outcomes.Select(o => o.Conclusions.Conditions).Aggregate((a, b) => [.. a.Intersect(b)]);
        var alwaysSteps = outcomes.Select(o => o.Conclusions.NextSteps).Aggregate((a, b) => [.. a.Intersect(b)]);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var variants = new List<Variant>();
        foreach (var (values, conclusions) in outcomes)
        {
            var own = new ConclusionSet([.. conclusions.Conditions.Except(alwaysConditions)], [.. conclusions.NextSteps.Except(alwaysSteps)]);
            var signature = string.Join("\n", own.Conditions) + "\n\n" + string.Join("\n", own.NextSteps);
            if (!groups.TryGetValue(signature, out var group))
            {
                groups[signature] = group = groups.Count + 1;
            }

            variants.Add(new Variant(values, own, group));
        }

        return new VariantsResult(scenario, live.Original.AsOf, [.. dimensions.Select(d => d.Dimension)],
            new ConclusionSet(alwaysConditions, alwaysSteps), variants);
    }

    /// <summary>The next combination, last dimension fastest; false after the last.</summary>
    private static bool Advance(int[] index, IReadOnlyList<ResolvedDimension> dimensions)
    {
        for (var d = dimensions.Count - 1; d >= 0; d--)
        {
            if (++index[d] < dimensions[d].Choices.Count)
            {
                return true;
            }

            index[d] = 0;
        }

        return false;
    }

    public static Diagnostic TooMany(IReadOnlyList<ResolvedDimension> dimensions, int cap, SourceLocation at)
    {
        var sizes = string.Join(" × ", dimensions.Select(d => d.Choices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Diagnostic(DiagnosticCodes.TooManyVariants, DiagnosticSeverity.Error,
            $"{sizes} combinations is more than the cap of {cap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}", at,
            "vary fewer facts or values, or raise the cap (--max-variants)");
    }
}
