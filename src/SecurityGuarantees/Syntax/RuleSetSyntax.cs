namespace SecurityGuarantees.Syntax;

/// <summary>One rule file: a named rule set, its rules, and the enums and fact types it declares.</summary>
internal sealed record RuleSetSyntax(string File, string Name, IReadOnlyList<RuleSyntax> Rules)
{
    public IReadOnlyList<EnumDeclarationSyntax> Enums { get; init; } = [];

    public IReadOnlyList<TypeDeclarationSyntax> Types { get; init; } = [];
}
