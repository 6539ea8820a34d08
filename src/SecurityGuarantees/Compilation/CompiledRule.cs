using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>What the engine keeps of a loaded rule: its metadata, source and the declarations that justify its conclusions.</summary>
internal sealed class CompiledRule(RuleSyntax syntax, string file)
{
    public RuleSyntax Syntax { get; } = syntax;

    public string Id => Syntax.Id;

    public string File { get; } = file;

    public SourceLocation Location => Syntax.Location;

    public int Priority => Syntax.Priority;

    /// <summary>The rule's action (its conclusion factories and which of them link directly), once built.</summary>
    public RuleFiringAction? Action { get; set; }

    /// <summary>Declarations whose matched facts go into <c>because</c>, in <c>when</c> order.</summary>
    public List<BecauseDeclaration> BecauseDeclarations { get; } = [];

    /// <summary>
    /// The rule's positive patterns with their conjuncts as bound, for <see cref="DirectConclusionPlanner"/> (which asks
    /// whether the activation is a function of the conclusion's key).
    /// </summary>
    public List<(string Declaration, Facts.FactTypeDescriptor Type, IReadOnlyList<System.Linq.Expressions.LambdaExpression> Conjuncts)> PositivePatterns { get; } = [];

    /// <summary>Per <c>when</c> element (nested ones too, by reference), its compiled form, for why-not.</summary>
    public Dictionary<ElementSyntax, ElementPlan> ElementPlans { get; } = new(ReferenceEqualityComparer.Instance);
}
