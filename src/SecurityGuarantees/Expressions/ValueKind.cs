namespace SecurityGuarantees.Expressions;

/// <summary>The static kinds of expression values.</summary>
internal enum ValueKind
{
    /// <summary>The literal <c>null</c>, before it takes the type of what it meets.</summary>
    Null,
    Bool,
    Number,
    String,
    Date,
    Enum,
    List,
}
