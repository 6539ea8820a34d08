using SecurityGuarantees.Results;

namespace SecurityGuarantees.Benchmarks;

/// <summary>What every implementation concludes, normalised for comparison: <c>C|id|subject</c> and <c>N|id|actor|subject</c>.</summary>
internal static class Conclusions
{
    public static string Condition(string id, string? subject) => $"C|{id}|{subject}";

    public static string NextStep(string id, string? actor, string? subject) => $"N|{id}|{actor}|{subject}";

    public static SortedSet<string> Of(EvaluationResult result)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in result.Conditions)
        {
            set.Add(Condition(c.Id, c.Subject));
        }

        foreach (var n in result.NextSteps)
        {
            set.Add(NextStep(n.Id, n.Actor, n.Subject));
        }

        return set;
    }

    /// <summary>Fails loudly when two implementations disagree; returns the number of conclusions.</summary>
    public static int AssertSame(string workload, IReadOnlyList<(string Name, SortedSet<string> Conclusions)> results)
    {
        var (referenceName, reference) = results[0];
        foreach (var (name, conclusions) in results.Skip(1))
        {
            if (!reference.SetEquals(conclusions))
            {
                var missing = reference.Except(conclusions).Take(5);
                var extra = conclusions.Except(reference).Take(5);
                throw new InvalidOperationException(
                    $"{workload}: {name} disagrees with {referenceName} ({conclusions.Count} vs {reference.Count} conclusions); "
                    + $"missing: [{string.Join(", ", missing)}], extra: [{string.Join(", ", extra)}]");
            }
        }

        if (reference.Count == 0)
        {
            throw new InvalidOperationException($"{workload}: no conclusions at all; the data does not exercise the rules");
        }

        return reference.Count;
    }
}
