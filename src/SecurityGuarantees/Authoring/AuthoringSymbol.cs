namespace SecurityGuarantees.Authoring;

/// <summary>One entry of a document's outline.</summary>
/// <param name="Name">The rule id, condition id, fact type or fact key.</param>
/// <param name="Detail">The rule's title, a fact's type, or <see langword="null"/>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Range">Its whole extent.</param>
/// <param name="SelectionRange">The part to select when it is picked (its name).</param>
/// <param name="Children">Nested entries.</param>
public sealed record AuthoringSymbol(string Name, string? Detail, AuthoringSymbolKind Kind, TextRange Range, TextRange SelectionRange,
    IReadOnlyList<AuthoringSymbol> Children);

/// <summary>What an outline entry is.</summary>
public enum AuthoringSymbolKind
{
    /// <summary>A rule.</summary>
    Rule,

    /// <summary>A condition a rule derives.</summary>
    Condition,

    /// <summary>A next step a rule derives.</summary>
    NextStep,

    /// <summary>A fact a rule inserts.</summary>
    Insert,

    /// <summary>The facts of one type in a scenario, or a fact type a rule file declares.</summary>
    FactType,

    /// <summary>One fact of a scenario.</summary>
    Fact,

    /// <summary>An enum a rule file declares (<c>enums:</c>).</summary>
    Enum,

    /// <summary>A field of a fact type a rule file declares (<c>types:</c>).</summary>
    Field,
}

/// <summary>What kind of file a document is, by its top-level keys.</summary>
public enum AuthoringDocumentKind
{
    /// <summary>A rule file (<c>ruleset:</c>, <c>rules:</c>, or only declarations: <c>types:</c>, <c>enums:</c>).</summary>
    Rules,

    /// <summary>A scenario file, with or without a <c>timeline:</c>.</summary>
    Scenario,
}
