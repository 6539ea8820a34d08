using SecurityGuarantees.Results;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// Breadth-first search over sets of candidate changes, smallest first, each set applied to one live session. A set
/// that contains a set already found is skipped (only minimal sets are reported); two changes to one field, or a
/// removal with another change of the same fact, never share a set.
/// </summary>
internal static class ChangeSearch
{
    public static (List<IReadOnlyList<ResolvedChange>> Found, bool Complete, int Evaluations) Run(LiveScenario live, IReadOnlyList<ResolvedChange> candidates,
        Func<EvaluationResult, bool> goal, WhatIfOptions options, Func<IReadOnlyList<ResolvedChange>, bool>? admissible = null)
    {
        var found = new List<IReadOnlyList<ResolvedChange>>();
        var foundIndexes = new List<int[]>();
        var evaluations = 0;
        var complete = true;
        for (var size = 1; size <= options.MaxChanges && size <= candidates.Count && complete && found.Count < options.MaxSuggestions; size++)
        {
            foreach (var combination in Combinations(candidates.Count, size))
            {
                if (foundIndexes.Exists(f => f.All(combination.Contains)))
                {
                    continue;
                }

                var set = combination.Select(i => candidates[i]).ToList();
                if (Conflicts(set) || (admissible is not null && !admissible(set)))
                {
                    continue;
                }

                if (evaluations >= options.MaxEvaluations)
                {
                    complete = false;
                    break;
                }

                evaluations++;
                if (goal(live.Apply(set)))
                {
                    found.Add(set);
                    foundIndexes.Add(combination);
                    if (found.Count >= options.MaxSuggestions)
                    {
                        break;
                    }
                }
            }
        }

        return (found, complete, evaluations);
    }

    private static bool Conflicts(List<ResolvedChange> set)
    {
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = i + 1; j < set.Count; j++)
            {
                if (ReferenceEquals(set[i].Slot, set[j].Slot) && (set[i].IsRemoval || set[j].IsRemoval || set[i].Field == set[j].Field))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The k-subsets of 0..n-1 in lexicographic order.</summary>
    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])index.Clone();
            var i = k - 1;
            while (i >= 0 && index[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            index[i]++;
            for (var j = i + 1; j < k; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }
}
