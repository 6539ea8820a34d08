using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// The facts of a timeline as the loader walks its steps: which keys exist at each point (for the update, retract and
/// insert checks), the known keys by type (for did-you-mean hints) and the facts in order (for <see cref="Timeline.FinalFacts"/>).
/// </summary>
internal sealed class TimelineFactState
{
    private readonly FactKeyIndex _index = new();
    private readonly Dictionary<FactTypeDescriptor, HashSet<string>> _keys = [];
    private readonly LinkedList<object> _order = new();
    private readonly Dictionary<object, LinkedListNode<object>> _nodes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The state before the first step: the scenario's facts.</summary>
    public static TimelineFactState FromScenario(Scenario scenario, FactTypeRegistry types)
    {
        var state = new TimelineFactState();
        foreach (var fact in scenario.Facts)
        {
            var type = types.Of(fact) is { Role: FactTypeRole.Scenario } found
                ? found
                : throw new ArgumentException($"Scenario '{scenario.Id}' holds a {fact.GetType().Name}, which is not a registered scenario fact type; register it with AddFactType.", nameof(scenario));
            var location = scenario.FactLocations.TryGetValue(fact, out var at) ? at : new SourceLocation(scenario.SourcePath ?? scenario.Id, 0, 0);
            if (!state.TryAdd(type, fact, location, out _))
            {
                throw new ArgumentException($"Scenario '{scenario.Id}' holds two {type.Name} facts with the key '{type.GetKey(fact)}'.", nameof(scenario));
            }
        }

        return state;
    }

    public IReadOnlyList<object> Facts => [.. _order];

    public object? Find(FactTypeDescriptor type, string key) => _index.Find(type, key);

    /// <summary>Adds a fact whose key is new; otherwise returns where the fact with that key was written.</summary>
    public bool TryAdd(FactTypeDescriptor type, object fact, SourceLocation location, out SourceLocation existing)
    {
        if (!_index.TryAdd(type, fact, location, out existing))
        {
            return false;
        }

        KeysOf(type).Add(type.GetKey(fact));
        _nodes[fact] = _order.AddLast(fact);
        return true;
    }

    /// <summary>Replaces the fact with the same key in place; returns the fact it replaced.</summary>
    public object Replace(FactTypeDescriptor type, object fact, SourceLocation location)
    {
        var old = _index.Find(type, type.GetKey(fact)) ?? throw new InvalidOperationException("replace needs an existing key");
        _index.Replace(type, fact, location);
        var node = _nodes[old];
        _nodes.Remove(old);
        node.Value = fact;
        _nodes[fact] = node;
        return old;
    }

    /// <summary>Removes the fact with this key; returns it.</summary>
    public object Remove(FactTypeDescriptor type, string key)
    {
        var old = _index.Find(type, key) ?? throw new InvalidOperationException("remove needs an existing key");
        _index.Remove(type, key);
        KeysOf(type).Remove(key);
        _order.Remove(_nodes[old]);
        _nodes.Remove(old);
        return old;
    }

    /// <summary>"did you mean ...?" for a key that does not exist, or <see langword="null"/> when nothing is close.</summary>
    public string? Suggest(FactTypeDescriptor type, string key) =>
        _keys.TryGetValue(type, out var keys) && NameSuggester.Closest(key, keys) is { } closest ? $"did you mean '{closest}'?" : null;

    private HashSet<string> KeysOf(FactTypeDescriptor type)
    {
        if (!_keys.TryGetValue(type, out var keys))
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            _keys.Add(type, keys);
        }

        return keys;
    }
}
