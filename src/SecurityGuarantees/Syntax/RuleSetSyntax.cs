namespace SecurityGuarantees.Syntax;

/// <summary>One rule file: a named rule set and its rules.</summary>
internal sealed record RuleSetSyntax(string File, string Name, IReadOnlyList<RuleSyntax> Rules);
