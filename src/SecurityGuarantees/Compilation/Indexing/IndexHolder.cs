namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// The NRules fact of one index in one session (not a registered fact type: never reported, never matched by author
/// patterns). Indexed patterns flatten a bucket of it (<see cref="IndexLookupAggregator{T}"/>). The session changes the
/// buckets and then updates this fact with <see cref="Poke"/> set, so the aggregators re-read only the changed keys.
/// </summary>
internal sealed class IndexHolder(string index)
{
    private static readonly object NullKey = new();

    // A bucket of one fact (most are: keys are mostly ids) is the fact itself; a second fact makes it a Many. Saves a list
    // per key: at 10,000 proposals the lists were a tenth of a session's memory.
    private readonly Dictionary<object, object> _buckets = [];

    public string Index { get; } = index;

    /// <summary>
    /// Whether an aggregator has read a bucket. Until one has, no aggregator exists (each reads its bucket when it is
    /// created), so a change needs no poke: the first fill of a session's indexes costs no NRules update.
    /// </summary>
    internal bool HasReaders { get; private set; }

    /// <summary>The change being propagated by the current update of this fact; <see langword="null"/> otherwise.</summary>
    internal IndexPoke? Poke { get; set; }

    /// <summary>
    /// The facts of the bucket of <paramref name="key"/> that pass <paramref name="test"/>, in bucket order. Called inside
    /// the compiled aggregate expression, so NRules reports a failing condition as it reports any condition.
    /// </summary>
    public static List<T> Match<T>(IndexHolder holder, object? key, Func<T, bool>? test)
        where T : class
    {
        holder.HasReaders = true;
        if (!holder._buckets.TryGetValue(key ?? NullKey, out var bucket))
        {
            return NoMatch<T>.List;
        }

        if (bucket is not Many many)
        {
            var item = (T)bucket;
            return test is null || test(item) ? [item] : NoMatch<T>.List;
        }

        List<T>? items = null;
        foreach (var fact in many)
        {
            var item = (T)fact;
            if (test is null || test(item))
            {
                (items ??= new List<T>(many.Count)).Add(item);
            }
        }

        return items ?? NoMatch<T>.List;
    }

    internal void Add(object? key, object fact)
    {
        ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, key ?? NullKey, out _);
        switch (bucket)
        {
            case null:
                bucket = fact;
                break;
            case Many many:
                many.Add(fact);
                break;
            default:
                bucket = new Many { bucket, fact };
                break;
        }
    }

    internal void Remove(object? key, object fact)
    {
        ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_buckets, key ?? NullKey);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref bucket))
        {
            return;
        }

        if (bucket is Many many)
        {
            var at = many.FindIndex(f => ReferenceEquals(f, fact));
            if (at >= 0)
            {
                many.RemoveAt(at);
            }

            if (many.Count > 0)
            {
                return; // a bucket that was many stays a list: its order is the insertion order either way
            }
        }
        else if (!ReferenceEquals(bucket, fact))
        {
            return;
        }

        _buckets.Remove(key ?? NullKey);
    }

    /// <summary>Replaces a fact in place (same key): keeps its position in the bucket.</summary>
    internal void Replace(object? key, object old, object fact)
    {
        ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_buckets, key ?? NullKey);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref bucket))
        {
            if (ReferenceEquals(bucket, old))
            {
                bucket = fact;
                return;
            }

            if (bucket is Many many && many.FindIndex(f => ReferenceEquals(f, old)) is var at and >= 0)
            {
                many[at] = fact;
                return;
            }
        }

        Add(key, fact);
    }

    internal static bool SameKey(object? a, object? b) => Equals(a, b);

    internal static object KeyOf(object? key) => key ?? NullKey;

    /// <summary>A bucket of more than one fact, in insertion order (a type of its own: a fact is never one).</summary>
    private sealed class Many : List<object>;

    /// <summary>The result of a lookup that matches nothing, shared: aggregators only read their lists.</summary>
    private static class NoMatch<T>
    {
        public static readonly List<T> List = [];
    }
}

/// <summary>The keys whose buckets changed and the new fact objects, while an <see cref="IndexHolder"/> update propagates.</summary>
internal sealed class IndexPoke(HashSet<object> keys, HashSet<object> changed)
{
    /// <summary>Bucket keys (null as <see cref="IndexHolder.KeyOf"/>) that gained, lost or replaced a fact.</summary>
    public HashSet<object> Keys { get; } = keys;

    /// <summary>The new fact objects (by reference) of inserts and updates.</summary>
    public HashSet<object> Changed { get; } = changed;
}
