namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// The NRules fact of one index in one session (not a registered fact type: never reported, never matched by author
/// patterns). Indexed patterns flatten a bucket of it (<see cref="IndexLookupAggregator{T}"/>). The session changes the
/// buckets and then updates this fact with <see cref="Poke"/> set, so the aggregators re-read only the changed keys.
/// </summary>
internal sealed class IndexHolder(string index)
{
    private static readonly object NullKey = new();
    private readonly Dictionary<object, List<object>> _buckets = [];

    public string Index { get; } = index;

    /// <summary>
    /// Whether an aggregator has read a bucket. Until one has, no aggregator exists (each reads its bucket when it is
    /// created), so a change needs no poke: the first fill of a session's indexes costs no NRules update.
    /// </summary>
    internal bool HasReaders { get; private set; }

    /// <summary>The change being propagated by the current update of this fact; <see langword="null"/> otherwise.</summary>
    internal IndexPoke? Poke { get; set; }

    /// <summary>The facts with this key, in insertion order (the list is the live bucket: read it, do not keep it).</summary>
    public IReadOnlyList<object> Bucket(object? key) => _buckets.TryGetValue(key ?? NullKey, out var bucket) ? bucket : [];

    /// <summary>
    /// The facts of the bucket of <paramref name="key"/> that pass <paramref name="test"/>, in bucket order. Called inside
    /// the compiled aggregate expression, so NRules reports a failing condition as it reports any condition.
    /// </summary>
    public static List<T> Match<T>(IndexHolder holder, object? key, Func<T, bool>? test)
        where T : class
    {
        holder.HasReaders = true;
        var bucket = holder.Bucket(key);
        var items = new List<T>(bucket.Count);
        for (var i = 0; i < bucket.Count; i++)
        {
            var item = (T)bucket[i];
            if (test is null || test(item))
            {
                items.Add(item);
            }
        }

        return items;
    }

    internal void Add(object? key, object fact)
    {
        ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, key ?? NullKey, out _);
        (bucket ??= []).Add(fact);
    }

    internal void Remove(object? key, object fact)
    {
        if (_buckets.TryGetValue(key ?? NullKey, out var bucket))
        {
            var at = bucket.FindIndex(f => ReferenceEquals(f, fact));
            if (at >= 0)
            {
                bucket.RemoveAt(at);
            }

            if (bucket.Count == 0)
            {
                _buckets.Remove(key ?? NullKey);
            }
        }
    }

    /// <summary>Replaces a fact in place (same key): keeps its position in the bucket.</summary>
    internal void Replace(object? key, object old, object fact)
    {
        if (_buckets.TryGetValue(key ?? NullKey, out var bucket))
        {
            var at = bucket.FindIndex(f => ReferenceEquals(f, old));
            if (at >= 0)
            {
                bucket[at] = fact;
                return;
            }
        }

        Add(key, fact);
    }

    internal static bool SameKey(object? a, object? b) => Equals(a, b);

    internal static object KeyOf(object? key) => key ?? NullKey;
}

/// <summary>The keys whose buckets changed and the new fact objects, while an <see cref="IndexHolder"/> update propagates.</summary>
internal sealed class IndexPoke(HashSet<object> keys, HashSet<object> changed)
{
    /// <summary>Bucket keys (null as <see cref="IndexHolder.KeyOf"/>) that gained, lost or replaced a fact.</summary>
    public HashSet<object> Keys { get; } = keys;

    /// <summary>The new fact objects (by reference) of inserts and updates.</summary>
    public HashSet<object> Changed { get; } = changed;
}
