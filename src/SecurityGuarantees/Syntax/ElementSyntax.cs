using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Syntax;

// The `when:` elements of a rule, as written. Each element keeps its location for diagnostics and why-not.

/// <summary>One element of a rule's <c>when:</c> list.</summary>
internal abstract record ElementSyntax(SourceLocation Location)
{
    /// <summary>The conjunction this element stands for, in order: itself, or the elements of an <c>all:</c> (nested ones flattened).</summary>
    public IEnumerable<ElementSyntax> Conjuncts() => this is AllSyntax all ? all.Elements.SelectMany(e => e.Conjuncts()) : [this];
}

/// <summary><c>fact: Type</c>, optional <c>as:</c> and <c>where:</c>.</summary>
internal sealed record PatternSyntax(SourceLocation Location, TextSyntax FactType, TextSyntax? As, TextSyntax? Where) : ElementSyntax(Location);

/// <summary><c>not:</c> one element.</summary>
internal sealed record NotSyntax(SourceLocation Location, ElementSyntax Element) : ElementSyntax(Location);

/// <summary><c>exists:</c> one element.</summary>
internal sealed record ExistsSyntax(SourceLocation Location, ElementSyntax Element) : ElementSyntax(Location);

/// <summary><c>all: [...]</c>, a conjunction.</summary>
internal sealed record AllSyntax(SourceLocation Location, IReadOnlyList<ElementSyntax> Elements) : ElementSyntax(Location);

/// <summary><c>any: [...]</c>, alternatives.</summary>
internal sealed record AnySyntax(SourceLocation Location, IReadOnlyList<ElementSyntax> Alternatives) : ElementSyntax(Location);

/// <summary><c>each: &lt;list expression&gt;</c> with <c>as:</c>: one match per element.</summary>
internal sealed record EachSyntax(SourceLocation Location, TextSyntax List, TextSyntax As) : ElementSyntax(Location);

/// <summary><c>count: Type</c> with <c>where</c>, <c>distinct</c>, <c>as</c>, <c>atLeast</c> or <c>having</c>.</summary>
internal sealed record CountSyntax(SourceLocation Location, TextSyntax FactType, TextSyntax? Where, TextSyntax? Distinct,
    TextSyntax? As, int? AtLeast, TextSyntax? Having) : ElementSyntax(Location);

/// <summary>One <c>name: expression</c> of a <c>let:</c> or of an aggregate's <c>compute:</c>.</summary>
internal sealed record NamedExpressionSyntax(TextSyntax Name, TextSyntax Value);

/// <summary><c>let: { name: expression, ... }</c>: scalar bindings computed from earlier bindings, in order.</summary>
internal sealed record LetSyntax(SourceLocation Location, IReadOnlyList<NamedExpressionSyntax> Bindings) : ElementSyntax(Location);

/// <summary>
/// <c>aggregate: Type</c> with <c>where</c>, <c>groupBy</c>, <c>as</c>, <c>compute</c> and <c>having</c>: values computed
/// over the matching facts (per distinct <c>groupBy</c> value), bound as fields of <c>as</c>.
/// </summary>
internal sealed record AggregateSyntax(SourceLocation Location, TextSyntax FactType, TextSyntax? Where, TextSyntax? GroupBy, TextSyntax As,
    IReadOnlyList<NamedExpressionSyntax> Compute, TextSyntax? Having) : ElementSyntax(Location);
