namespace SecurityGuarantees.Diagnostics;

/// <summary>Finds the closest known name for a misspelt one, for "did you mean ...?" hints.</summary>
internal static class NameSuggester
{
    /// <summary>The closest candidate within a small edit distance, or <see langword="null"/>.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, input.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>A hint "did you mean 'x'?" or, without a close name, the list of valid names.</summary>
    public static string Hint(string input, IReadOnlyCollection<string> candidates, int listAtMost = 12)
    {
        var closest = Closest(input, candidates);
        if (closest is not null)
        {
            return $"did you mean '{closest}'?";
        }

        var sorted = candidates.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", sorted.Take(listAtMost));
        return sorted.Count > listAtMost ? $"valid names: {shown}, ..." : $"valid names: {shown}";
    }

    /// <summary>Optimal string alignment distance (Levenshtein with transpositions).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
