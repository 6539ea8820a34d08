using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Evaluation;

/// <summary>
/// Keeps a session's results up to date, so a snapshot costs only the conclusions that changed since the last one (a
/// timeline step changes a few of hundreds), not a scan and sort of working memory. The rule actions report what they
/// link (<see cref="ILinkedConclusions"/>); NRules' retract event reports what truth maintenance takes back.
/// Conclusions and their supports are grouped by <see cref="SupportFact.GroupKey"/>; results are kept sorted as the JSON
/// shows them (conditions by id and subject, next steps by actor, id and subject, inserted facts by type and key).
/// </summary>
internal sealed class ResultTracker : ILinkedConclusions
{
    private readonly FactTypeRegistry _types;
    private readonly FactTypeDescriptor _conditionType;
    private readonly FactTypeDescriptor _nextStepType;

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<Group> _dirty = []; // each group once: Group.Dirty says whether it is listed
    private readonly SortedResults<ConditionResult> _conditions = new();
    private readonly SortedResults<NextStepResult> _nextSteps = new();
    private readonly SortedResults<InsertedFactResult> _inserted = new();

    public ResultTracker(ISession session, FactTypeRegistry types)
    {
        _types = types;
        _conditionType = types.Find(typeof(Condition))!;
        _nextStepType = types.Find(typeof(NextStep))!;
        session.Events.FactRetractedEvent += (_, e) => Retracted(e.Fact);
    }

    public void SupportLinked(SupportFact support, SupportFact? replaced)
    {
        if (replaced is not null)
        {
            Remove(replaced.GroupKey, replaced);
        }

        GroupOf(support.GroupKey, support.ConclusionType).AddSupport(support);
    }

    public void ConclusionLinked(SupportFact support, object? replaced)
    {
        if (replaced is not null)
        {
            Remove(support.GroupKey, replaced);
        }

        GroupOf(support.GroupKey, support.ConclusionType).SetConclusion(support.Conclusion, support);
    }

    public void MergedLinked(string conclusionType, string groupKey, object merged, object? replaced)
    {
        if (replaced is not null)
        {
            Remove(groupKey, replaced);
        }

        GroupOf(groupKey, conclusionType).SetConclusion(merged, null);
    }

    public SupportFact? Find(object conclusion, string groupKey) =>
        _groups.TryGetValue(groupKey, out var group) && ReferenceEquals(group.Conclusion, conclusion) ? group.Direct : null;

    /// <summary>The supports of the conclusions rules link directly, for explanations (they are not in working memory).</summary>
    public IEnumerable<SupportFact> DirectlyLinkedSupports => _groups.Values.Select(g => g.Direct).OfType<SupportFact>();

    /// <summary>The results as they stand; unchanged lists are reused from the previous snapshot.</summary>
    public EvaluationResult Snapshot(string scenario, DateOnly asOf, int rulesFired, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_dirty.Count > 0)
        {
            if (_conditions.Unsorted || _nextSteps.Unsorted || _inserted.Unsorted)
            {
                // The first snapshot lists every result: room for each kind's results at once (tens of thousands at scale,
                // where lists grown by doubling would leave their outgrown arrays on the large-object heap).
                var counts = new int[3];
                foreach (var group in _dirty)
                {
                    counts[KindOf(group)]++;
                }

                _conditions.Reserve(counts[0]);
                _nextSteps.Reserve(counts[1]);
                _inserted.Reserve(counts[2]);
            }

            var refreshed = 0;
            foreach (var group in _dirty)
            {
                // Refreshing is idempotent: a cancelled snapshot leaves _dirty as it was, and the next one redoes it.
                if (++refreshed % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                Refresh(group);
            }

            foreach (var group in _dirty)
            {
                group.Dirty = false;
            }

            _dirty.Clear();
        }

        return new EvaluationResult(scenario, asOf, _conditions.List(), _nextSteps.List(), _inserted.List(), rulesFired);
    }

    /// <summary>
    /// A fact left working memory: a support, a conclusion (found by its type's key; a scenario fact of the same type and
    /// key is not the group's object, so it changes nothing), or a fact that is no result at all.
    /// </summary>
    private void Retracted(IFact fact)
    {
        switch (fact.Value)
        {
            case SupportFact support:
                Remove(support.GroupKey, support);
                break;
            case { } value when _groups.Count > 0 && _types.Of(value) is { } type:
                Remove(SupportFact.GroupKeyOf(type.Name, type.GetKey(value)), value);
                break;
        }
    }

    private Group GroupOf(string key, string conclusionType)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new Group(key, conclusionType);
        }

        MarkDirty(group);
        return group;
    }

    private void MarkDirty(Group group)
    {
        if (!group.Dirty)
        {
            group.Dirty = true;
            _dirty.Add(group);
        }
    }

    private void Remove(string key, object value)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            return;
        }

        if (value is SupportFact support)
        {
            group.Supports?.Remove(support);
        }
        else if (ReferenceEquals(group.Conclusion, value))
        {
            group.SetConclusion(null, null);
        }
        else
        {
            return;
        }

        MarkDirty(group);
    }

    /// <summary>Which list a group's result belongs to: 0 conditions, 1 next steps, 2 inserted facts.</summary>
    private int KindOf(Group group) => group.Type == _conditionType.Name ? 0 : group.Type == _nextStepType.Name ? 1 : 2;

    /// <summary>Brings one group's result up to date in its list (0 conditions, 1 next steps, 2 inserted).</summary>
    private void Refresh(Group group)
    {
        var list = KindOf(group);
        if (group.SortKey is { } oldKey)
        {
            switch (list)
            {
                case 0:
                    _conditions.Remove(oldKey);
                    break;
                case 1:
                    _nextSteps.Remove(oldKey);
                    break;
                default:
                    _inserted.Remove(oldKey);
                    break;
            }
            group.SortKey = null;
        }

        if (group.Conclusion is null || (group.Supports is not { Count: > 0 } && group.Direct is null))
        {
            if (group.Conclusion is null && group.Supports is not { Count: > 0 })
            {
                _groups.Remove(group.Key);
            }

            return;
        }

        var justifications = group.Direct is { } direct ? [direct.ToJustification()] : Justifications(group.Supports!);
        switch (group.Conclusion)
        {
            case Condition c when list == 0:
                group.SortKey = (c.Id, c.Subject, null);
                _conditions.Set(group.SortKey.Value, new ConditionResult(c.Id, c.Subject, c.Parties, c.Severity, c.Text, justifications));
                break;
            case NextStep n when list == 1:
                group.SortKey = (n.Actor, n.Id, n.Subject);
                _nextSteps.Set(group.SortKey.Value, new NextStepResult(n.Id, n.Actor, n.Subject, n.Priority, n.Text, justifications));
                break;
            default:
                var type = _types.Find(group.Type)!;
                var key = type.GetKey(group.Conclusion);
                group.SortKey = (type.Name, key, null);
                _inserted.Set(group.SortKey.Value, new InsertedFactResult(type.Name, key, group.Conclusion, justifications));
                break;
        }
    }

    private static IReadOnlyList<Justification> Justifications(List<SupportFact> supports)
    {
        if (supports.Count == 1)
        {
            return [supports[0].ToJustification()];
        }

        var sorted = supports.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Rule.Id, b.Rule.Id) is var c and not 0 ? c : string.CompareOrdinal(a.BecauseSortKey, b.BecauseSortKey));
        return [.. sorted.Select(s => s.ToJustification())];
    }

    /// <summary>One conclusion (by type and key): the merged fact rules see and the supports it stands on.</summary>
    private sealed class Group(string key, string type)
    {
        public string Key { get; } = key;

        /// <summary>The conclusion type's name (the key's part before '|').</summary>
        public string Type { get; } = type;

        /// <summary>The supports in working memory; null until the first (a directly linked conclusion has none).</summary>
        public List<SupportFact>? Supports { get; private set; }

        /// <summary>The conclusion fact rules see: merged from the supports, or linked directly.</summary>
        public object? Conclusion { get; private set; }

        /// <summary>The one support of a conclusion its rule links directly (no support fact in working memory).</summary>
        public SupportFact? Direct { get; private set; }

        public void AddSupport(SupportFact support) => (Supports ??= []).Add(support);

        public void SetConclusion(object? conclusion, SupportFact? direct) => (Conclusion, Direct) = (conclusion, direct);

        /// <summary>Where the group's result sits in its sorted list, while it has one.</summary>
        public (string?, string?, string?)? SortKey { get; set; }

        /// <summary>Listed in the tracker's groups to refresh at the next snapshot.</summary>
        public bool Dirty { get; set; }
    }

    /// <summary>
    /// The results of one kind in the order the JSON lists them. The first snapshot sorts them once (an evaluation takes
    /// only that one); a search tree that keeps them sorted under changes is built when a later snapshot changes them
    /// (timeline steps, what-if variants), so each step costs its changes, not a sort of every result.
    /// </summary>
    private sealed class SortedResults<T>
        where T : class
    {
        private List<((string?, string?, string?) Key, int Order, T Result)>? _first = []; // until the first list is made
        private SortedDictionary<(string?, string?, string?), T>? _tree;
        private IReadOnlyList<T> _list = [];
        private bool _changed;
        private bool _listed; // the first list is made: every later change goes to the tree

        /// <summary>Whether the results are still gathered unsorted for the first list (no tree yet).</summary>
        public bool Unsorted => !_listed && _tree is null;

        /// <summary>Room for <paramref name="count"/> more results before the first list.</summary>
        public void Reserve(int count)
        {
            if (Unsorted)
            {
                _first!.EnsureCapacity(_first.Count + count);
            }
        }

        public void Set((string?, string?, string?) key, T result)
        {
            if (Unsorted)
            {
                _first!.Add((key, _first.Count, result));
            }
            else
            {
                Tree()[key] = result;
            }

            _changed = true;
        }

        public void Remove((string?, string?, string?) key)
        {
            Tree().Remove(key);
            _changed = true;
        }

        /// <summary>The results as they stand; the previous list when nothing changed since.</summary>
        public IReadOnlyList<T> List()
        {
            if (!_changed)
            {
                return _list;
            }

            _changed = false;
            if (Unsorted)
            {
                _listed = true;
                // By key, then in the order set: a key set twice (which a tree would overwrite) keeps its later result.
                _first!.Sort(static (a, b) => OrdinalKeyComparer.Instance.Compare(a.Key, b.Key) is var c and not 0 ? c : a.Order.CompareTo(b.Order));
                var list = new T[_first.Count];
                var count = 0;
                for (var i = 0; i < _first.Count; i++)
                {
                    if (i + 1 < _first.Count && OrdinalKeyComparer.Instance.Compare(_first[i].Key, _first[i + 1].Key) == 0)
                    {
                        continue;
                    }

                    list[count++] = _first[i].Result;
                }

                Array.Resize(ref list, count);
                _list = list;
                return _list;
            }

            _list = [.. Tree().Values];
            return _list;
        }

        /// <summary>
        /// The search tree, built from the results gathered so far on the first change after the first list (or on a
        /// removal before it: a cancelled first snapshot refreshed again).
        /// </summary>
        private SortedDictionary<(string?, string?, string?), T> Tree()
        {
            if (_tree is null)
            {
                _tree = new(OrdinalKeyComparer.Instance);
                foreach (var (key, _, result) in _first ?? [])
                {
                    _tree[key] = result;
                }

                _first = null;
            }

            return _tree;
        }
    }

    /// <summary>Ordinal, field by field, null first: the order <c>OrderBy(..., StringComparer.Ordinal)</c> gives.</summary>
    private sealed class OrdinalKeyComparer : IComparer<(string?, string?, string?)>
    {
        public static readonly OrdinalKeyComparer Instance = new();

        public int Compare((string?, string?, string?) x, (string?, string?, string?) y) =>
            string.CompareOrdinal(x.Item1, y.Item1) is var a and not 0 ? a
            : string.CompareOrdinal(x.Item2, y.Item2) is var b and not 0 ? b
            : string.CompareOrdinal(x.Item3, y.Item3);
    }
}
