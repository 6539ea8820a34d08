using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Syntax;

/// <summary>One rule as written in a rule file.</summary>
internal sealed record RuleSyntax(
    SourceLocation Location,
    string Id,
    string RuleSet,
    string? Title,
    string? Description,
    int Priority,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ElementSyntax> When,
    IReadOnlyList<ActionSyntax> Then);
