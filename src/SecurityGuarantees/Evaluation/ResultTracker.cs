using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Evaluation;

/// <summary>
/// Keeps a session's results up to date from NRules' working-memory events, so a snapshot costs only the conclusions
/// that changed since the last one (a timeline step changes a few of hundreds), not a scan and sort of working memory.
/// Conclusions and their supports are grouped by <see cref="SupportFact.GroupKey"/>; results are kept sorted as the JSON
/// shows them (conditions by id and subject, next steps by actor, id and subject, inserted facts by type and key).
/// </summary>
internal sealed class ResultTracker : IDirectSupportStore
{
    private readonly FactTypeRegistry _types;
    private readonly FactTypeDescriptor _conditionType;
    private readonly FactTypeDescriptor _nextStepType;

    // Types whose facts are conclusions: Condition, NextStep, and every type a support has named (rule inserts).
    private readonly Dictionary<Type, FactTypeDescriptor> _conclusionTypes = [];
    private readonly Dictionary<string, FactTypeDescriptor> _declaredConclusionTypes = new(StringComparer.Ordinal);

    // NRules keeps one wrapper per fact for its lifetime and swaps the object on update, so the wrapper names the fact.
    private readonly Dictionary<IFact, (object Value, string GroupKey)> _tracked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<Group> _dirty = []; // each group once: Group.Dirty says whether it is listed
    private readonly Dictionary<string, SupportFact> _directSupports = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string?, string?, string?), ConditionResult> _conditions = new(OrdinalKeyComparer.Instance);
    private readonly SortedDictionary<(string?, string?, string?), NextStepResult> _nextSteps = new(OrdinalKeyComparer.Instance);
    private readonly SortedDictionary<(string?, string?, string?), InsertedFactResult> _inserted = new(OrdinalKeyComparer.Instance);
    private IReadOnlyList<ConditionResult> _conditionList = [];
    private IReadOnlyList<NextStepResult> _nextStepList = [];
    private IReadOnlyList<InsertedFactResult> _insertedList = [];
    private readonly ISession _session;
    private bool _watchingInserts;

    // The supports attached and not yet seen inserted, in order: NRules raises the insert (or update) events of linked facts
    // in the order the actions linked them, right after each firing or after a batch of firings, so the next event of a
    // directly linked conclusion is for the head of this queue, and its group key is at hand without building it again.
    private readonly Queue<SupportFact> _attached = new();

    public ResultTracker(ISession session, FactTypeRegistry types)
    {
        _session = session;
        _types = types;
        _conditionType = types.Find(typeof(Condition))!;
        _nextStepType = types.Find(typeof(NextStep))!;
        _conclusionTypes[typeof(Condition)] = _conditionType;
        _conclusionTypes[typeof(NextStep)] = _nextStepType;
        session.Events.FactUpdatedEvent += (_, e) => Updated(e.Fact);
        session.Events.FactRetractedEvent += (_, e) => Retracted(e.Fact);
    }

    /// <summary>
    /// Watches inserts from now on. NRules raises the insert event with an allocation per fact, and until a rule has
    /// fired only a <see cref="Condition"/> or <see cref="NextStep"/> could be a result (types rules insert are learned
    /// from their supports), which no scenario holds (<see cref="ScenarioEngine"/> refuses them). So a session watches
    /// from its first firing, or, defensively, from the first insert of a fact that <see cref="IsResultBeforeFiring"/>.
    /// </summary>
    public void WatchInserts()
    {
        if (!_watchingInserts)
        {
            _session.Events.FactInsertedEvent += (_, e) => Inserted(e.Fact);
            _watchingInserts = true;
        }
    }

    public bool WatchingInserts => _watchingInserts;

    /// <summary>
    /// Whether the fact could be (a support of) a result while inserts are not watched, i.e. before the first firing:
    /// then the only conclusion types known are <see cref="Condition"/> and <see cref="NextStep"/> (types tested, not
    /// looked up: this runs for every scenario fact).
    /// </summary>
    public static bool IsResultBeforeFiring(object fact) => fact is SupportFact or Condition or NextStep;

    public void Attach(SupportFact support)
    {
        _directSupports[support.GroupKey] = support;
        _attached.Enqueue(support);
    }

    public SupportFact? Find(object conclusion, string groupKey) =>
        _directSupports.TryGetValue(groupKey, out var support) && ReferenceEquals(support.Conclusion, conclusion) ? support : null;

    /// <summary>The supports of the conclusions rules link directly, for explanations (they are not in working memory).</summary>
    public IEnumerable<SupportFact> DirectlyLinkedSupports => _groups.Values.Select(g => g.Direct).OfType<SupportFact>();

    /// <summary>The results as they stand; unchanged lists are reused from the previous snapshot.</summary>
    public EvaluationResult Snapshot(string scenario, DateOnly asOf, int rulesFired, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_dirty.Count > 0)
        {
            var changed = new bool[3];
            var refreshed = 0;
            foreach (var group in _dirty)
            {
                // Refreshing is idempotent: a cancelled snapshot leaves _dirty as it was, and the next one redoes it.
                if (++refreshed % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                changed[Refresh(group)] = true;
            }

            foreach (var group in _dirty)
            {
                group.Dirty = false;
            }

            _dirty.Clear();
            if (changed[0])
            {
                _conditionList = [.. _conditions.Values];
            }

            if (changed[1])
            {
                _nextStepList = [.. _nextSteps.Values];
            }

            if (changed[2])
            {
                _insertedList = [.. _inserted.Values];
            }
        }

        return new EvaluationResult(scenario, asOf, _conditionList, _nextStepList, _insertedList, rulesFired);
    }

    private void Inserted(IFact fact)
    {
        if (fact.Value is not { } value)
        {
            return;
        }

        var direct = _attached.TryPeek(out var next) && ReferenceEquals(next.Conclusion, value) ? _attached.Dequeue() : null;
        if ((direct?.GroupKey ?? GroupKeyOf(value)) is { } key)
        {
            _tracked[fact] = (value, key);
            Add(key, value, direct);
        }
    }

    private void Updated(IFact fact)
    {
        if (_tracked.TryGetValue(fact, out var old))
        {
            Remove(old.GroupKey, old.Value);
            _tracked.Remove(fact);
        }

        Inserted(fact);
    }

    private void Retracted(IFact fact)
    {
        if (_tracked.Remove(fact, out var old))
        {
            Remove(old.GroupKey, old.Value);
        }
    }

    private string? GroupKeyOf(object value)
    {
        if (value is SupportFact support)
        {
            if (_types.Find(support.ConclusionType) is { } type)
            {
                if (type.IsDeclared)
                {
                    _declaredConclusionTypes.TryAdd(type.Name, type);
                }
                else
                {
                    _conclusionTypes.TryAdd(type.ClrType, type);
                }
            }

            return support.GroupKey;
        }

        return ConclusionTypeOf(value) is { } conclusionType
            ? conclusionType.Name + "|" + conclusionType.GetKey(value)
            : null;
    }

    /// <summary>The conclusion type of a fact: declared types share one class, so they are found by name.</summary>
    private FactTypeDescriptor? ConclusionTypeOf(object value) =>
        value is DeclaredFact declared
            ? _declaredConclusionTypes.GetValueOrDefault(declared.TypeName)
            : _conclusionTypes.GetValueOrDefault(value.GetType());

    /// <param name="key">The group key.</param>
    /// <param name="value">A support, or a conclusion.</param>
    /// <param name="direct">The support of a conclusion its rule links directly, when known (else it is looked up).</param>
    private void Add(string key, object value, SupportFact? direct = null)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            // The type name is the part of the key before '|': the type's own name object, not a substring per group.
            var type = value is SupportFact s ? s.ConclusionType : direct?.ConclusionType ?? ConclusionTypeOf(value)!.Name;
            _groups[key] = group = new Group(key, type);
        }

        if (value is SupportFact support)
        {
            (group.Supports ??= []).Add(support);
        }
        else
        {
            group.Conclusion = value;
            group.Direct = direct ?? Find(value, key); // a conclusion its rule links directly carries its one support
        }

        MarkDirty(group);
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
            group.Conclusion = null;
            group.Direct = null;
            if (Find(value, key) is not null)
            {
                _directSupports.Remove(key);
            }
        }

        MarkDirty(group);
    }

    /// <summary>Brings one group's result up to date; returns which list it belongs to (0 conditions, 1 next steps, 2 inserted).</summary>
    private int Refresh(Group group)
    {
        var list = group.Type == _conditionType.Name ? 0 : group.Type == _nextStepType.Name ? 1 : 2;
        if (group.SortKey is { } oldKey)
        {
            _ = list switch
            {
                0 => _conditions.Remove(oldKey),
                1 => _nextSteps.Remove(oldKey),
                _ => _inserted.Remove(oldKey),
            };
            group.SortKey = null;
        }

        if (group.Conclusion is null || (group.Supports is not { Count: > 0 } && group.Direct is null))
        {
            if (group.Conclusion is null && group.Supports is not { Count: > 0 })
            {
                _groups.Remove(group.Key);
            }

            return list;
        }

        var justifications = group.Direct is { } direct ? [direct.ToJustification()] : Justifications(group.Supports!);
        switch (group.Conclusion)
        {
            case Condition c when list == 0:
                group.SortKey = (c.Id, c.Subject, null);
                _conditions[group.SortKey.Value] = new ConditionResult(c.Id, c.Subject, c.Parties, c.Severity, c.Text, justifications);
                break;
            case NextStep n when list == 1:
                group.SortKey = (n.Actor, n.Id, n.Subject);
                _nextSteps[group.SortKey.Value] = new NextStepResult(n.Id, n.Actor, n.Subject, n.Priority, n.Text, justifications);
                break;
            default:
                var type = _types.Find(group.Type)!;
                var key = type.GetKey(group.Conclusion);
                group.SortKey = (type.Name, key, null);
                _inserted[group.SortKey.Value] = new InsertedFactResult(type.Name, key, group.Conclusion, justifications);
                break;
        }

        return list;
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
        public List<SupportFact>? Supports { get; set; }

        public object? Conclusion { get; set; }

        /// <summary>The one support of a conclusion its rule links directly (no support fact in working memory).</summary>
        public SupportFact? Direct { get; set; }

        /// <summary>Where the group's result sits in its sorted list, while it has one.</summary>
        public (string?, string?, string?)? SortKey { get; set; }

        /// <summary>Listed in the tracker's groups to refresh at the next snapshot.</summary>
        public bool Dirty { get; set; }
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
