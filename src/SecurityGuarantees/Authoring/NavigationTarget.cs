using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

/// <summary>What the word under the cursor stands for, for hover, definition and references.</summary>
internal abstract record NavigationTarget(TextRange Range)
{
    public sealed record Rule(TextRange Range, RuleSyntax Syntax, string File) : NavigationTarget(Range);

    public sealed record Conclusion(TextRange Range, string Id, bool IsNextStep) : NavigationTarget(Range);

    public sealed record Field(TextRange Range, FactTypeDescriptor Type, FactFieldDescriptor Descriptor) : NavigationTarget(Range);

    public sealed record Binding(TextRange Range, ScopeBinding Scope, RuleSyntax? Owner, string File) : NavigationTarget(Range);

    /// <summary>An aggregate's <c>as:</c> name, whose results are bound as <c>name.result</c>.</summary>
    public sealed record Aggregate(TextRange Range, string Name, IReadOnlyList<ScopeBinding> Results, RuleSyntax? Owner, string File) : NavigationTarget(Range);

    /// <summary>An enum named as a declared field's type: a declared one, or a built-in one by its YAML name.</summary>
    public sealed record Enum(TextRange Range, NameConventions.EnumNames Values) : NavigationTarget(Range);

    public sealed record FactType(TextRange Range, FactTypeDescriptor Type) : NavigationTarget(Range);

    public sealed record FactKey(TextRange Range, FactTypeDescriptor Type, string Key) : NavigationTarget(Range);
}
