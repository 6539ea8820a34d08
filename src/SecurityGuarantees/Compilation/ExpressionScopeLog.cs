using SecurityGuarantees.Expressions;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// What names meant where each expression and template of a rule was bound, as the binder saw it: the authoring
/// service completes and explains from it instead of working the scopes out a second time. Recorded before parsing, so
/// text that does not parse yet (an author mid-edit) still has its scope.
/// </summary>
internal sealed class ExpressionScopeLog
{
    private readonly List<ExpressionScope> _entries = [];

    public IReadOnlyList<ExpressionScope> Entries => _entries;

    public void Add(TextSyntax text, BindingScope scope, ExpressionScopeKind kind) => _entries.Add(new ExpressionScope(text, scope, kind));
}

/// <summary>One recorded expression or template and its scope.</summary>
/// <param name="Text">The text as written, with its location.</param>
/// <param name="Scope">The current fact (if any) and the bindings visible to it.</param>
/// <param name="Kind">What the text is.</param>
internal sealed record ExpressionScope(TextSyntax Text, BindingScope Scope, ExpressionScopeKind Kind);

/// <summary>Where a recorded text sits in a rule.</summary>
internal enum ExpressionScopeKind
{
    /// <summary>A <c>where:</c> or <c>having:</c> condition.</summary>
    Condition,

    /// <summary>The list of an <c>each:</c>.</summary>
    Value,

    /// <summary>A template of a <c>then:</c> action: literal text with <c>{...}</c> holes.</summary>
    Template,
}
