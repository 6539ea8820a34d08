using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Loading;

/// <summary>A YAML mapping with scalar keys in file order; duplicate keys were reported and dropped.</summary>
internal sealed class YamlMapping(SourceLocation location, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : YamlNode(location)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string KindName => "a map";

    public YamlNode? this[string key] => IndexOf(key) is var i and >= 0 ? Entries[i].Value : null;

    /// <summary>The position of the first entry under <paramref name="key"/>, or -1. A plain loop: rule loading asks this for every key of every element.</summary>
    public int IndexOf(string key)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (string.Equals(Entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
