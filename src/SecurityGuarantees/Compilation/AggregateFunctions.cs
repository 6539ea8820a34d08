namespace SecurityGuarantees.Compilation;

/// <summary>
/// The counting behind <c>count:</c> and the values of <c>aggregate:</c>, called from compiled bindings. Field values come
/// boxed (<c>Func&lt;T, object?&gt;</c>) and facts are reference types, so a native build shares one body per function.
/// Null values are skipped; an empty sum is 0; min, max and avg of nothing are null; collected lists are sorted.
/// </summary>
internal static class AggregateFunctions
{
    public static decimal? Count<T>(IEnumerable<T> facts) => facts.Count();

    /// <summary>Counts distinct non-null values of a field; a list field counts each of its items.</summary>
    public static decimal? CountDistinct<T>(IEnumerable<T> facts, Func<T, object?> field)
    {
        var seen = new HashSet<object>();
        foreach (var fact in facts)
        {
            switch (field(fact))
            {
                case null:
                    break;
                case string s:
                    seen.Add(s);
                    break;
                case System.Collections.IEnumerable items:
                    foreach (var item in items)
                    {
                        if (item is not null)
                        {
                            seen.Add(item);
                        }
                    }

                    break;
                case var value:
                    seen.Add(value);
                    break;
            }
        }

        return seen.Count;
    }

    public static decimal? SumOf<T>(IEnumerable<T> facts, Func<T, object?> field)
    {
        var sum = 0m;
        foreach (var fact in facts)
        {
            if (Number(field(fact)) is { } value)
            {
                sum += value;
            }
        }

        return sum;
    }

    public static decimal? AverageOf<T>(IEnumerable<T> facts, Func<T, object?> field)
    {
        var (sum, count) = (0m, 0);
        foreach (var fact in facts)
        {
            if (Number(field(fact)) is { } value)
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    public static decimal? MinNumberOf<T>(IEnumerable<T> facts, Func<T, object?> field) => Extreme(facts, f => Number(field(f)), -1);

    public static decimal? MaxNumberOf<T>(IEnumerable<T> facts, Func<T, object?> field) => Extreme(facts, f => Number(field(f)), 1);

    public static DateOnly? MinDateOf<T>(IEnumerable<T> facts, Func<T, object?> field) => Extreme(facts, f => field(f) as DateOnly?, -1);

    public static DateOnly? MaxDateOf<T>(IEnumerable<T> facts, Func<T, object?> field) => Extreme(facts, f => field(f) as DateOnly?, 1);

    public static decimal?[] CollectNumbers<T>(IEnumerable<T> facts, Func<T, object?> field, bool distinct) =>
        Collect(facts, f => Number(field(f)), distinct);

    public static DateOnly?[] CollectDates<T>(IEnumerable<T> facts, Func<T, object?> field, bool distinct) =>
        Collect(facts, f => field(f) as DateOnly?, distinct);

    public static bool?[] CollectBools<T>(IEnumerable<T> facts, Func<T, object?> field, bool distinct) =>
        Collect(facts, f => field(f) as bool?, distinct);

    /// <summary>Strings, and enum values by their kebab-case names, sorted ordinally.</summary>
    public static string[] CollectTexts<T>(IEnumerable<T> facts, Func<T, object?> field, bool distinct)
    {
        var values = new List<string>();
        foreach (var fact in facts)
        {
            switch (field(fact))
            {
                case string s:
                    values.Add(s);
                    break;
                case Enum e:
                    values.Add(Facts.NameConventions.EnumToName(e));
                    break;
            }
        }

        values.Sort(StringComparer.Ordinal);
        return distinct ? [.. values.Distinct(StringComparer.Ordinal)] : [.. values];
    }

    private static TValue?[] Collect<T, TValue>(IEnumerable<T> facts, Func<T, TValue?> value, bool distinct)
        where TValue : struct, IComparable<TValue>
    {
        var values = new List<TValue>();
        foreach (var fact in facts)
        {
            if (value(fact) is { } v)
            {
                values.Add(v);
            }
        }

        values.Sort();
        var result = distinct ? values.Distinct() : values;
        return [.. result.Select(v => (TValue?)v)];
    }

    private static TValue? Extreme<T, TValue>(IEnumerable<T> facts, Func<T, TValue?> value, int sign)
        where TValue : struct, IComparable<TValue>
    {
        TValue? best = null;
        foreach (var fact in facts)
        {
            if (value(fact) is { } v && (best is null || Math.Sign(v.CompareTo(best.Value)) == sign))
            {
                best = v;
            }
        }

        return best;
    }

    private static decimal? Number(object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d when double.IsFinite(d) && Math.Abs(d) < (double)decimal.MaxValue => (decimal)d,
        _ => null,
    };
}
