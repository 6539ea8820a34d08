using NRules.Aggregators;
using NRules.RuleModel;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Creates <see cref="EachItemsAggregator"/>s (NRules instantiates it by type: public parameterless constructor). Expression
/// <c>Items</c>: the list of an <c>each:</c>, over the left tuple and the <see cref="EachSource"/>.
/// </summary>
internal sealed class EachItemsAggregatorFactory : IAggregatorFactory
{
    public const string Name = "SecurityGuarantees.EachItems";
    public const string ItemsName = "Items";

    private IAggregateExpression? _items;

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions) =>
        _items = compiledExpressions.Single(e => e.Name == ItemsName);

    public IAggregator Create(AggregationContext context) => new EachItemsAggregator(_items!, context.FactIdentityComparer);
}

/// <summary>
/// The distinct items of one left tuple's list, as separate aggregate facts: what NRules' Flatten gives over a binding,
/// without its subnet. Flatten's right side is a sub-network holding one list fact per left tuple, and NRules re-reads
/// and regroups all of them whenever a tuple arrives, so rules whose tuples arrive one firing at a time (an <c>each:</c>
/// after a derived condition) cost the square of their matches. Here the right side is the one <see cref="EachSource"/>
/// fact, and each tuple reads only its own list.
/// </summary>
internal sealed class EachItemsAggregator(IAggregateExpression items, IEqualityComparer<object> identity) : IAggregator
{
    private List<object> _items = [];

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        if (facts.Count == 0)
        {
            return AggregationResult.Empty; // the source fact is not there yet: it is inserted when the session starts
        }

        var source = facts.First();
        _items = Read(context, tuple, source);
        var results = new AggregationResult[_items.Count];
        for (var i = 0; i < _items.Count; i++)
        {
            results[i] = AggregationResult.Added(_items[i], [source]);
        }

        return results;
    }

    /// <summary>The left tuple changed: items that went are removed, items kept are modified, new items are added (as Flatten does).</summary>
    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        if (facts.Count == 0)
        {
            return Remove(context, tuple, facts);
        }

        var source = facts.First();
        var old = _items;
        var current = Read(context, tuple, source);
        _items = current;
        var kept = new HashSet<object>(current, identity);
        var before = new HashSet<object>(old, identity);
        var results = new List<AggregationResult>(old.Count + current.Count);
        foreach (var item in old)
        {
            if (!kept.Contains(item))
            {
                results.Add(AggregationResult.Removed(item));
            }
        }

        foreach (var item in current)
        {
            results.Add(before.Contains(item) ? AggregationResult.Modified(item, item, [source]) : AggregationResult.Added(item, [source]));
        }

        return results;
    }

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var results = new AggregationResult[_items.Count];
        for (var i = 0; i < _items.Count; i++)
        {
            results[i] = AggregationResult.Removed(_items[i]);
        }

        _items = [];
        return results;
    }

    /// <summary>The list's distinct items in list order (null items are left out: a fact cannot be null).</summary>
    private List<object> Read(AggregationContext context, ITuple tuple, IFact source)
    {
        var list = new List<object>();
        var seen = new HashSet<object>(identity);
        if (items.Invoke(context, tuple, source) is System.Collections.IEnumerable values)
        {
            foreach (var value in values)
            {
                if (value is not null && seen.Add(value))
                {
                    list.Add(value);
                }
            }
        }

        return list;
    }
}
