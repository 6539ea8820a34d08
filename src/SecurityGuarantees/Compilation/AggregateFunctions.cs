namespace SecurityGuarantees.Compilation;

/// <summary>The counting behind <c>count:</c>, called from compiled conditions and bindings.</summary>
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
}
