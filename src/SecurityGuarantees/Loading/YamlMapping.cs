using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Loading;

/// <summary>A YAML mapping with scalar keys in file order; duplicate keys were reported and dropped.</summary>
internal sealed class YamlMapping(SourceLocation location, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : YamlNode(location)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string KindName => "a map";

    public YamlNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}
