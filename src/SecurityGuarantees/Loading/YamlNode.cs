using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Loading;

/// <summary>A YAML node with its source position: the loader's view of a file, free of anchors, aliases and tags.</summary>
internal abstract class YamlNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>How an author would call this kind of node in a message.</summary>
    public abstract string KindName { get; }
}
