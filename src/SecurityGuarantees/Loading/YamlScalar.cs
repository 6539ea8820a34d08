using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Loading;

/// <summary>A scalar, with its text exactly as written and whether it was quoted.</summary>
internal sealed class YamlScalar(SourceLocation location, string value, bool isPlain, bool isBlock) : YamlNode(location)
{
    public string Value { get; } = value;

    /// <summary>Unquoted flow scalar (plain): only these can mean null.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar: its text starts on the next line.</summary>
    public bool IsBlock { get; } = isBlock;

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Where the text itself begins: one column further for a quoted scalar.</summary>
    public SourceLocation TextStart => IsPlain || IsBlock ? Location : Location.Offset(1);

    public override string KindName => "a text value";
}
