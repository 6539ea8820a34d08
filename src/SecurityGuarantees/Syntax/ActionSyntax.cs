using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Syntax;

// The `then:` actions of a rule, as written. Values are templates: literal text with {binding.field} holes.

/// <summary>One action of a rule's <c>then:</c> list.</summary>
internal abstract record ActionSyntax(SourceLocation Location);

/// <summary><c>condition: id</c> with subject, parties, severity and text.</summary>
internal sealed record ConditionActionSyntax(SourceLocation Location, TextSyntax Id, TextSyntax? Subject,
    IReadOnlyList<TextSyntax> Parties, TextSyntax? Severity, TextSyntax? Text) : ActionSyntax(Location);

/// <summary><c>nextStep: id</c> with actor, subject, text and priority.</summary>
internal sealed record NextStepActionSyntax(SourceLocation Location, TextSyntax Id, TextSyntax? Actor, TextSyntax? Subject,
    TextSyntax? Text, int Priority) : ActionSyntax(Location);

/// <summary><c>insert: { Type: { field: value } }</c>.</summary>
internal sealed record InsertActionSyntax(SourceLocation Location, TextSyntax FactType, IReadOnlyList<InsertFieldSyntax> Fields)
    : ActionSyntax(Location);

/// <summary>One field of an inserted fact: a template, or a list of templates.</summary>
internal sealed record InsertFieldSyntax(TextSyntax Name, TextSyntax? Value, IReadOnlyList<TextSyntax>? Items);
