using NRules.RuleModel;

namespace SecurityGuarantees.Compilation;

/// <summary>The values of one activation by declaration name (facts, counted collections, scalar bindings).</summary>
internal sealed class MatchValues
{
    // Built for every rule firing with a handful of declarations: parallel arrays searched linearly beat a dictionary.
    private readonly string[] _names;
    private readonly object?[] _values;

    public MatchValues(IMatch match)
    {
        var facts = match.Facts as IReadOnlyCollection<IFactMatch> ?? [.. match.Facts]; // NRules builds an array per call
        _names = new string[facts.Count];
        _values = new object?[facts.Count];
        var i = 0;
        foreach (var fact in facts)
        {
            _names[i] = fact.Declaration.Name;
            _values[i] = fact.Value;
            i++;
        }
    }

    /// <summary>Values passed by NRules in the order of <paramref name="names"/> (both arrays are kept, not copied).</summary>
    public MatchValues(string[] names, object?[] values)
    {
        _names = names;
        _values = values;
    }

    public MatchValues(IReadOnlyDictionary<string, object?> values)
    {
        _names = [.. values.Keys];
        _values = [.. values.Values];
    }

    public object? this[string declarationName] => IndexOf(declarationName) is var i and >= 0 ? _values[i] : null;

    public bool Contains(string declarationName) => IndexOf(declarationName) >= 0;

    private int IndexOf(string name)
    {
        // The last occurrence wins, as a dictionary filled in order would have it.
        for (var i = _names.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
