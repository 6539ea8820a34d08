using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

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

    /// <summary>
    /// Evaluates every combination. The session walks the combinations in reflected (Gray-code) order, so each step
    /// changes exactly one dimension (an odometer would change two on average, and all of them at its carries), nesting
    /// the dimensions as <paramref name="walkOrder"/> says (outermost first; <see cref="VariantWalkOrder"/>); the outcomes
    /// are reported in the dimensions' value order, the first dimension varying slowest.
    /// </summary>
    public static VariantsResult Run(LiveScenario live, string scenario, IReadOnlyList<ResolvedDimension> dimensions, IReadOnlyList<int> walkOrder)
    {
        var total = 1;
        var strides = new int[dimensions.Count];
        for (var d = dimensions.Count - 1; d >= 0; d--)
        {
            strides[d] = total;
            total *= dimensions[d].Choices.Count;
        }

        var results = new ConclusionSet[total];
        // A dimension whose last value is the scenario's own starts there and walks down, so the walk's first combination
        // is as close to the live session's state as it can be (row 14b: no change at all instead of four updates).
        var index = new int[dimensions.Count];
        var direction = Enumerable.Repeat(1, dimensions.Count).ToArray();
        for (var d = 0; d < dimensions.Count; d++)
        {
            var last = dimensions[d].Choices.Count - 1;
            if (last > 0 && !dimensions[d].Choices[0].All(IsOriginal) && dimensions[d].Choices[last].All(IsOriginal))
            {
                (index[d], direction[d]) = (last, -1);
            }
        }

        var keys = new ConclusionKeys();
        while (true)
        {
            var changes = new List<ResolvedChange>();
            var position = 0;
            for (var d = 0; d < dimensions.Count; d++)
            {
                changes.AddRange(dimensions[d].Choices[index[d]]);
                position += index[d] * strides[d];
            }

            results[position] = keys.Of(live.Apply(changes));
            var level = dimensions.Count - 1; // the innermost level of the walk first
            while (level >= 0 && walkOrder[level] is var d && (index[d] + direction[d] < 0 || index[d] + direction[d] >= dimensions[d].Choices.Count))
            {
                direction[d] = -direction[d];
                level--;
            }

            if (level < 0)
            {
                break;
            }

            index[walkOrder[level]] += direction[walkOrder[level]];
        }

        var outcomes = new List<(string[] Values, ConclusionSet Conclusions)>(total);
        for (var position = 0; position < total; position++)
        {
            var values = new string[dimensions.Count];
            for (var d = 0; d < dimensions.Count; d++)
            {
                values[d] = dimensions[d].Dimension.Values[position / strides[d] % dimensions[d].Choices.Count];
            }

            outcomes.Add((values, results[position]));
        }

        // Snapshots of an unchanged session hand back the same key lists (ConclusionKeys), so most outcomes share lists:
        // each distinct pair is intersected, filtered and signed once (the same results as doing it per outcome).
        var alwaysConditions = outcomes.Select(o => o.Conclusions.Conditions).Distinct(ReferenceEqualityComparer.Instance)
            .Cast<IReadOnlyList<ConditionKey>>().Aggregate((a, b) => [.. a.Intersect(b)]);
        var alwaysSteps = outcomes.Select(o => o.Conclusions.NextSteps).Distinct(ReferenceEqualityComparer.Instance)
            .Cast<IReadOnlyList<NextStepKey>>().Aggregate((a, b) => [.. a.Intersect(b)]);
        var (alwaysConditionSet, alwaysStepSet) = (alwaysConditions.ToHashSet(), alwaysSteps.ToHashSet());
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<(object, object), (ConclusionSet Own, int Group)>(SameLists.Instance);
        var variants = new List<Variant>();
        foreach (var (values, conclusions) in outcomes)
        {
            if (!seen.TryGetValue((conclusions.Conditions, conclusions.NextSteps), out var known))
            {
                // The key lists hold no duplicates, so filtering by the set is Except.
                var own = new ConclusionSet([.. conclusions.Conditions.Where(c => !alwaysConditionSet.Contains(c))],
                    [.. conclusions.NextSteps.Where(s => !alwaysStepSet.Contains(s))]);
                var signature = string.Join("\n", own.Conditions) + "\n\n" + string.Join("\n", own.NextSteps);
                if (!groups.TryGetValue(signature, out var group))
                {
                    groups[signature] = group = groups.Count + 1;
                }

                seen[(conclusions.Conditions, conclusions.NextSteps)] = known = (own, group);
            }

            variants.Add(new Variant(values, known.Own, known.Group));
        }

        return new VariantsResult(scenario, live.Original.AsOf, [.. dimensions.Select(d => d.Dimension)],
            new ConclusionSet(alwaysConditions, alwaysSteps), variants);
    }

    /// <summary>Whether a change leaves its fact as the scenario has it (a field set to the value it has).</summary>
    internal static bool IsOriginal(ResolvedChange change) =>
        change.Field is { } field && field.Getter(change.Slot.Original) is var original && Equals(original, change.Value)
        && FactValueFormatter.Format(original) == FactValueFormatter.Format(change.Value);

    /// <summary>Pairs of lists compared by reference.</summary>
    private sealed class SameLists : IEqualityComparer<(object, object)>
    {
        public static readonly SameLists Instance = new();

        public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((object, object) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }

    public static Diagnostic TooMany(IReadOnlyList<ResolvedDimension> dimensions, int cap, SourceLocation at)
    {
        var sizes = string.Join(" × ", dimensions.Select(d => d.Choices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Diagnostic(DiagnosticCodes.TooManyVariants, DiagnosticSeverity.Error,
            $"{sizes} combinations is more than the cap of {cap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}", at,
            "vary fewer facts or values, or raise the cap (--max-variants)");
    }
}
