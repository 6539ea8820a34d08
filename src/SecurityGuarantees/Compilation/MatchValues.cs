using NRules.RuleModel;

namespace SecurityGuarantees.Compilation;

/// <summary>The values of one activation by declaration name (facts, counted collections, scalar bindings).</summary>
internal sealed class MatchValues
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public MatchValues(IMatch match)
    {
        foreach (var fact in match.Facts)
        {
            _values[fact.Declaration.Name] = fact.Value;
        }
    }

    public MatchValues(IReadOnlyDictionary<string, object?> values)
    {
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
    }

    public object? this[string declarationName] => _values.GetValueOrDefault(declarationName);

    public bool Contains(string declarationName) => _values.ContainsKey(declarationName);
}
