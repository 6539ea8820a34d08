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

    /// <summary>Declarations whose matched facts go into <c>because</c>, in <c>when</c> order.</summary>
    public List<BecauseDeclaration> BecauseDeclarations { get; } = [];

    /// <summary>Per <c>when</c> element (nested ones too, by reference), its compiled form, for why-not.</summary>
    public Dictionary<ElementSyntax, ElementPlan> ElementPlans { get; } = new(ReferenceEqualityComparer.Instance);
}
