using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Loading;

/// <summary>A YAML sequence (list).</summary>
internal sealed class YamlSequence(SourceLocation location, IReadOnlyList<YamlNode> items) : YamlNode(location)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "a list";
}
