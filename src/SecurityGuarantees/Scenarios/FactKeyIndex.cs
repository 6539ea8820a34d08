using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Scenarios;

/// <summary>The keys of a scenario's facts by type, to find duplicates and to resolve updates and retractions.</summary>
internal sealed class FactKeyIndex
{
    private readonly Dictionary<(string, string), (object Fact, SourceLocation Location)> _entries = [];

    public bool TryAdd(FactTypeDescriptor type, object fact, SourceLocation location, out SourceLocation first)
    {
        var key = (type.Name, type.GetKey(fact));
        if (_entries.TryGetValue(key, out var existing))
        {
            first = existing.Location;
            return false;
        }

        _entries.Add(key, (fact, location));
        first = location;
        return true;
    }

    public object? Find(FactTypeDescriptor type, string key) => _entries.TryGetValue((type.Name, key), out var e) ? e.Fact : null;

    public bool Remove(FactTypeDescriptor type, string key) => _entries.Remove((type.Name, key));

    public void Replace(FactTypeDescriptor type, object fact, SourceLocation location) => _entries[(type.Name, type.GetKey(fact))] = (fact, location);
}
