using System.Reflection;
using NRules;
using NRules.Aggregators;
using NRules.RuleModel;

namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// Creates <see cref="IndexLookupAggregator{T}"/>s (NRules instantiates it by type: public parameterless constructor).
/// Expressions: <c>Key</c> (the join key from the left tuple) and <c>Items</c> (the bucket of that key filtered by the
/// pattern's other conjuncts, <see cref="IndexHolder.Match{T}"/>).
/// </summary>
internal sealed class IndexLookupAggregatorFactory : IAggregatorFactory
{
    public const string Name = "SecurityGuarantees.IndexLookup";
    public const string KeyName = "Key";
    public const string ItemsName = "Items";

    private Func<IAggregateExpression, IAggregateExpression, IFactIdentityComparer, IAggregator>? _create;
    private IAggregateExpression? _key;
    private IAggregateExpression? _filter;

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
        _key = compiledExpressions.Single(e => e.Name == KeyName);
        _filter = compiledExpressions.Single(e => e.Name == ItemsName);
        // One aggregator per left tuple: a typed delegate, not Activator.CreateInstance (reflection binding per call).
        _create = typeof(IndexLookupAggregatorFactory).GetMethod(nameof(CreateAggregator), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(element.ResultType)
            .CreateDelegate<Func<IAggregateExpression, IAggregateExpression, IFactIdentityComparer, IAggregator>>();
    }

    public IAggregator Create(AggregationContext context) => _create!(_key!, _filter!, context.FactIdentityComparer);

    private static IAggregator CreateAggregator<T>(IAggregateExpression key, IAggregateExpression items, IFactIdentityComparer identity)
        where T : class => new IndexLookupAggregator<T>(key, items, identity);
}

/// <summary>
/// The facts of one bucket of an <see cref="IndexHolder"/> (those passing the filter), as separate aggregate facts for one
/// left tuple — like NRules' Flatten, but an update of the holder (a "poke") only re-reads the buckets whose keys changed
/// and reports as modified only the facts that changed, so a poke looks downstream exactly like the change of those facts
/// through an ordinary join.
/// </summary>
internal sealed class IndexLookupAggregator<T>(IAggregateExpression key, IAggregateExpression items, IFactIdentityComparer identity) : IAggregator
    where T : class
{
    private readonly IEqualityComparer<T> _comparer = identity.GetComparer<T>();
    private List<T> _items = [];
    private object? _key;
    private bool? _tupleHoldsT;

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var holder = facts.First();
        _items = Read(context, tuple, holder);
        if (_items.Count == 0)
        {
            return AggregationResult.Empty;
        }

        var source = new[] { holder };
        var results = new AggregationResult[_items.Count];
        for (var i = 0; i < _items.Count; i++)
        {
            results[i] = AggregationResult.Added(_items[i], source);
        }

        return results;
    }

    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var holder = facts.First();
        var poke = ((IndexHolder)holder.Value!).Poke;
        var allModified = true;
        if (poke is not null)
        {
            // A poke: the left tuple did not change unless it holds a fact this change replaced (then this call is the
            // update of the tuple, reached through an earlier indexed pattern of the same rule).
            allModified = false;
            if (_tupleHoldsT ??= TupleHolds(tuple))
            {
                foreach (var fact in tuple.Facts)
                {
                    if (fact.Value is T && poke.Changed.Contains(fact.Value))
                    {
                        allModified = true;
                        break;
                    }
                }
            }

            if (!allModified && !poke.Keys.Contains(IndexHolder.KeyOf(_key)))
            {
                return AggregationResult.Empty;
            }
        }

        var old = _items;
        var items = Read(context, tuple, holder);
        _items = items;
        if (old.Count == 0 && items.Count == 0)
        {
            return AggregationResult.Empty;
        }

        var source = new[] { holder };
        var results = new List<AggregationResult>();
        var previous = new Dictionary<T, T>(old.Count, _comparer);
        foreach (var item in old)
        {
            previous[item] = item;
        }

        var current = new HashSet<T>(items, _comparer);
        foreach (var item in old)
        {
            if (!current.Contains(item))
            {
                results.Add(AggregationResult.Removed(item));
            }
        }

        foreach (var item in items)
        {
            if (!previous.TryGetValue(item, out var before))
            {
                results.Add(AggregationResult.Added(item, source));
            }
            else if (allModified || !ReferenceEquals(before, item) || poke!.Changed.Contains(item))
            {
                results.Add(AggregationResult.Modified(item, before, source));
            }
        }

        return results;
    }

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var results = _items.Select(AggregationResult.Removed).ToList();
        _items = [];
        return results;
    }

    /// <summary>
    /// Whether the left tuple has a fact of the indexed type (a poke's changed facts are all of that type). A tuple keeps
    /// its shape for its lifetime, so this is asked once: most pokes then cost one key lookup per tuple.
    /// </summary>
    private static bool TupleHolds(ITuple tuple)
    {
        foreach (var fact in tuple.Facts)
        {
            if (typeof(T).IsAssignableFrom(fact.Type))
            {
                return true;
            }
        }

        return false;
    }

    private List<T> Read(AggregationContext context, ITuple tuple, IFact holderFact)
    {
        _key = key.Invoke(context, tuple, holderFact);
        return (List<T>)items.Invoke(context, tuple, holderFact);
    }
}
