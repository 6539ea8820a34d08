namespace SecurityGuarantees.Authoring;

/// <summary>One completion proposal.</summary>
/// <param name="Label">What the list shows and, unless <paramref name="InsertText"/> is set, what is inserted.</param>
/// <param name="Kind">What the proposal is.</param>
/// <param name="Detail">A short description: a field's type, a function's signature, a fact type's role.</param>
/// <param name="InsertText">The text to insert when it differs from the label (e.g. a key with its colon).</param>
public sealed record AuthoringCompletion(string Label, AuthoringCompletionKind Kind, string? Detail = null, string? InsertText = null);

/// <summary>What a completion proposal is.</summary>
public enum AuthoringCompletionKind
{
    /// <summary>A YAML key of the file format.</summary>
    Key,

    /// <summary>A fact type name.</summary>
    FactType,

    /// <summary>A field of a fact type.</summary>
    Field,

    /// <summary>A binding in scope (<c>as:</c>, <c>each</c>, <c>count</c>).</summary>
    Binding,

    /// <summary>A built-in function of the expression language.</summary>
    Function,

    /// <summary>A keyword or literal of the expression language (<c>and</c>, <c>null</c>, ...).</summary>
    Keyword,

    /// <summary>A value of an enum field, or another fixed value (a severity).</summary>
    EnumValue,

    /// <summary>The id of a condition some loaded rule derives.</summary>
    ConditionId,

    /// <summary>The id of a next step some loaded rule derives.</summary>
    NextStepId,

    /// <summary>The key of a fact of the scenario.</summary>
    FactKey,
}
