using NRules;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>What a session does to a list of facts.</summary>
internal enum IndexOperation
{
    Insert,
    Update,
    Retract,
}

/// <summary>
/// The indexes of one session (outside NRules). Every insert, update and retract of an indexed type goes through
/// <see cref="Apply"/>: the buckets change first, then each changed index's <see cref="IndexHolder"/> is updated in NRules
/// with the changed keys (a "poke", so the lookups of those keys re-read their bucket), then the facts themselves go to
/// NRules (for the patterns that are not indexed). The first insert of a scenario fills the buckets before any left
/// tuple exists, so the first propagation already reads full buckets, and an index nothing has read yet is not poked.
/// Facts of an index-only type (<see cref="IndexOnlyTypes"/>) do not go to NRules at all: this class then rejects what
/// NRules would have rejected (a second insert of a key, an update or retract of an unknown fact), with NRules' exception.
/// </summary>
internal sealed class SessionIndexes
{
    // Keyed by CLR class, or by name for a declared type (declared types share one class).
    private readonly Dictionary<object, List<(IndexSpec Spec, IndexHolder Holder)>> _byType = [];
    private readonly Dictionary<object, object> _current;
    private readonly IReadOnlySet<Type> _indexOnly;

    public SessionIndexes(IReadOnlyList<IndexSpec> indexes, IReadOnlySet<Type> indexOnly, FactTypeRegistry types)
    {
        _indexOnly = indexOnly;
        _current = new Dictionary<object, object>(new FactKeyIdentityComparer(types));
        foreach (var spec in indexes)
        {
            var typeKey = spec.Type.IsDeclared ? spec.Type.Name : (object)spec.Type.ClrType;
            if (!_byType.TryGetValue(typeKey, out var list))
            {
                _byType[typeKey] = list = [];
            }

            list.Add((spec, new IndexHolder(spec.Id)));
        }

        Holders = [.. _byType.Values.SelectMany(l => l.Select(i => (object)i.Holder))];
    }

    /// <summary>The holder facts, inserted into the session before anything else.</summary>
    public IReadOnlyList<object> Holders { get; }

    /// <summary>The facts of index-only types, which NRules does not hold (for explanations, beside NRules' own facts).</summary>
    public IEnumerable<object> IndexOnlyFacts =>
        _indexOnly.Count == 0 ? [] : _current.Values.Where(f => _indexOnly.Contains(f.GetType()));

    /// <summary>
    /// Changes the buckets, pokes NRules, then runs <paramref name="apply"/> on the facts NRules holds (those not of an
    /// index-only type); undoes the buckets when it throws.
    /// </summary>
    public void Apply(ISession session, IndexOperation operation, IReadOnlyList<object> facts, Action<IReadOnlyList<object>> apply)
    {
        var changes = Change(operation, facts);
        Poke(session, changes);
        try
        {
            apply(_indexOnly.Count == 0 ? facts : [.. facts.Where(f => !_indexOnly.Contains(f.GetType()))]);
        }
        catch
        {
            Undo(changes);
            Poke(session, changes);
            throw;
        }
    }

    private Dictionary<IndexHolder, IndexPoke> Change(IndexOperation operation, IReadOnlyList<object> facts)
    {
        var pokes = new Dictionary<IndexHolder, IndexPoke>();
        // Sized up front: a scenario's first insert is tens of thousands of facts, and tables grown by doubling past
        // 85 KB land on the large-object heap, whose budget triggers full collections.
        var undo = new List<(object? Old, object? New)>(facts.Count);
        if (operation == IndexOperation.Insert)
        {
            _current.EnsureCapacity(_current.Count + facts.Count);
        }

        foreach (var fact in facts)
        {
            if (!_byType.TryGetValue(TypeKey(fact), out var indexes))
            {
                continue;
            }

            var known = _current.TryGetValue(fact, out var old);
            if (known == (operation == IndexOperation.Insert) && _indexOnly.Contains(fact.GetType()))
            {
                // NRules never sees this fact, so it cannot reject it: reject the whole batch here, as NRules would.
                _undo = undo;
                Undo(pokes);
                throw new ArgumentException(operation switch
                {
                    IndexOperation.Insert => "Facts for insert already exist",
                    IndexOperation.Update => "Facts for update do not exist",
                    _ => "Facts for retract do not exist",
                }, nameof(facts));
            }

            switch (operation)
            {
                case IndexOperation.Insert when !known:
                    Replace(indexes, null, fact, pokes);
                    break;
                case IndexOperation.Update when known:
                    Replace(indexes, old, fact, pokes);
                    break;
                case IndexOperation.Retract when known:
                    Replace(indexes, old, null, pokes);
                    break;
                default:
                    continue; // NRules rejects it (a second insert of a key, an unknown fact): nothing to index
            }

            undo.Add((old, operation == IndexOperation.Retract ? null : fact));
        }

        _undo = undo;
        return pokes;
    }

    private List<(object? Old, object? New)> _undo = [];

    private void Undo(Dictionary<IndexHolder, IndexPoke> pokes)
    {
        foreach (var (old, @new) in Enumerable.Reverse(_undo))
        {
            var indexes = _byType[TypeKey((old ?? @new)!)];
            Replace(indexes, @new, old, pokes);
        }
    }

    private static object TypeKey(object fact) => fact is DeclaredFact declared ? declared.TypeName : fact.GetType();

    /// <summary>Replaces <paramref name="old"/> by <paramref name="fact"/> (either may be absent) in every index of the type.</summary>
    private void Replace(List<(IndexSpec Spec, IndexHolder Holder)> indexes, object? old, object? fact, Dictionary<IndexHolder, IndexPoke> pokes)
    {
        if (old is not null)
        {
            _current.Remove(old);
        }

        if (fact is not null)
        {
            _current[fact] = fact;
        }

        foreach (var (spec, holder) in indexes)
        {
            // Facts the index's filter rejects are not in it: a change in and out of the filter is an insert or a retract.
            var (was, now) = (old is not null && spec.Accepts(old) ? old : null, fact is not null && spec.Accepts(fact) ? fact : null);
            if (was is null && now is null)
            {
                continue;
            }

            ReplaceIn(spec, holder, was, now, pokes);
        }
    }

    private static void ReplaceIn(IndexSpec spec, IndexHolder holder, object? old, object? fact, Dictionary<IndexHolder, IndexPoke> pokes)
    {
        var oldKey = old is null ? null : spec.Key(old);
        var newKey = fact is null ? null : spec.Key(fact);
        if (old is not null && fact is not null && IndexHolder.SameKey(oldKey, newKey))
        {
            holder.Replace(oldKey, old, fact);
        }
        else
        {
            if (old is not null)
            {
                holder.Remove(oldKey, old);
            }

            if (fact is not null)
            {
                holder.Add(newKey, fact);
            }
        }

        if (!holder.HasReaders)
        {
            return;
        }

        if (!pokes.TryGetValue(holder, out var poke))
        {
            pokes[holder] = poke = new IndexPoke([], new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        if (old is not null)
        {
            poke.Keys.Add(IndexHolder.KeyOf(oldKey));
        }

        if (fact is not null)
        {
            poke.Keys.Add(IndexHolder.KeyOf(newKey));
            poke.Changed.Add(fact);
        }
    }

    private static void Poke(ISession session, Dictionary<IndexHolder, IndexPoke> pokes)
    {
        foreach (var (holder, poke) in pokes)
        {
            holder.Poke = poke;
            try
            {
                session.Update(holder);
            }
            finally
            {
                holder.Poke = null;
            }
        }
    }
}
