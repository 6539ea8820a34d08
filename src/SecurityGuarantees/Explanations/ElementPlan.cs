using System.Linq.Expressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Explanations;

// What why-not needs to re-evaluate a rule's `when` elements outside NRules: the same bound LINQ lambdas NRules got,
// recorded by RuleModelBuilder per element syntax. Lambda parameters are named by NRules declaration names, so a
// binding is looked up by name.

/// <summary>One conjunct of a <c>where</c>/<c>having</c>: its lambda (own parameter first), its text and where the text is.</summary>
internal sealed record ConjunctPlan(LambdaExpression Lambda, string Text, SourceLocation Location);

/// <summary>The compiled form of one <c>when</c> element, for why-not.</summary>
internal abstract record ElementPlan;

/// <summary>A <c>fact:</c> pattern: its type, declaration name and conjuncts.</summary>
internal sealed record PatternPlan(FactTypeDescriptor Type, string DeclarationName, IReadOnlyList<ConjunctPlan> Conjuncts) : ElementPlan;

/// <summary>An <c>each:</c>: the list lambda (over the bindings in scope) and the declaration name of the element.</summary>
internal sealed record EachPlan(LambdaExpression List, string DeclarationName) : ElementPlan;

/// <summary>A <c>count:</c>: the counted type and its conjuncts, distinct field, threshold, number binding and <c>having</c>.</summary>
internal sealed record CountPlan(FactTypeDescriptor Type, string SourceName, IReadOnlyList<ConjunctPlan> Conjuncts, FactFieldDescriptor? Distinct,
    int? AtLeast, string CollectionName, string? NumberName, IReadOnlyList<ConjunctPlan> Having) : ElementPlan;

/// <summary>A <c>let:</c>: per name, its declaration name and value lambda (over the bindings in scope), in order.</summary>
internal sealed record LetPlan(IReadOnlyList<(string DeclarationName, LambdaExpression Value)> Values) : ElementPlan;

/// <summary>
/// An <c>aggregate:</c>: the aggregated type and its conjuncts, the groupBy field, and per value (<c>key</c> first when
/// grouped) its name, declaration name and lambda over the group's items (<c>key</c>'s over the grouping); the having.
/// </summary>
internal sealed record AggregatePlan(FactTypeDescriptor Type, string SourceName, IReadOnlyList<ConjunctPlan> Conjuncts, FactFieldDescriptor? GroupBy,
    string CollectionName, IReadOnlyList<(string Name, string DeclarationName, LambdaExpression Value)> Values, string? HavingName,
    LambdaExpression? Having) : ElementPlan;
