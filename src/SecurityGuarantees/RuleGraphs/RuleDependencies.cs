using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.RuleGraphs;

/// <summary>What a rule reads or produces: facts of a type, a condition or a next step.</summary>
internal enum DependencyKind
{
    /// <summary>Facts of a scenario (or <c>Today</c>) type, by type name.</summary>
    Fact,

    /// <summary>A derived condition, by id.</summary>
    Condition,

    /// <summary>A derived next step, by id.</summary>
    NextStep,
}

/// <summary>Something a rule's <c>when</c> matches.</summary>
/// <param name="Kind">What is matched.</param>
/// <param name="Name">The type name (facts) or the id (conditions, next steps); <see langword="null"/>: any condition or next step.</param>
/// <param name="Negated">Under <c>not:</c>: the rule needs it to be absent.</param>
/// <param name="Location">The matching element.</param>
internal sealed record RuleInput(DependencyKind Kind, string? Name, bool Negated, SourceLocation Location);

/// <summary>Something a rule's <c>then</c> produces.</summary>
/// <param name="Kind">What is produced.</param>
/// <param name="Name">The condition or next-step id, or the inserted type's name.</param>
/// <param name="Action">The action.</param>
internal sealed record RuleOutput(DependencyKind Kind, string Name, ActionSyntax Action)
{
    /// <summary>Whether this output can be matched by <paramref name="input"/>.</summary>
    public bool Feeds(RuleInput input) =>
        input.Kind == Kind && (input.Name is null || string.Equals(input.Name, Name, StringComparison.Ordinal));

    /// <summary>How the output reads in messages: <c>condition 'x'</c>.</summary>
    public string Describe() => Kind switch
    {
        DependencyKind.Condition => $"condition '{Name}'",
        DependencyKind.NextStep => $"next step '{Name}'",
        _ => $"{Name} facts",
    };
}

/// <summary>One element of a rule's <c>when</c> that matches facts, with where it sits.</summary>
/// <param name="Element">A <see cref="PatternSyntax"/>, <see cref="CountSyntax"/> or <see cref="AggregateSyntax"/>.</param>
/// <param name="Negated">Under an odd number of <c>not:</c>.</param>
/// <param name="Optional">Under <c>not:</c> or in one alternative of <c>any:</c>: the rule can fire without it matching.</param>
internal sealed record MatchingElement(ElementSyntax Element, bool Negated, bool Optional)
{
    public string FactType => Element switch
    {
        PatternSyntax pattern => pattern.FactType.Text,
        CountSyntax count => count.FactType.Text,
        AggregateSyntax aggregate => aggregate.FactType.Text,
        _ => "",
    };

    public TextSyntax? Where => Element switch
    {
        PatternSyntax pattern => pattern.Where,
        CountSyntax count => count.Where,
        AggregateSyntax aggregate => aggregate.Where,
        _ => null,
    };
}

/// <summary>The inputs and outputs of one rule.</summary>
internal sealed class RuleDependencies(CompiledRule rule, IReadOnlyList<MatchingElement> elements, IReadOnlyList<RuleInput> inputs, IReadOnlyList<RuleOutput> outputs)
{
    public CompiledRule Rule { get; } = rule;

    public string Id => Rule.Id;

    /// <summary>Every pattern and count of the rule's <c>when</c>, in file order.</summary>
    public IReadOnlyList<MatchingElement> Elements { get; } = elements;

    public IReadOnlyList<RuleInput> Inputs { get; } = inputs;

    public IReadOnlyList<RuleOutput> Outputs { get; } = outputs;

    /// <summary>Analyses every rule of a compiled rule set, in load order.</summary>
    public static IReadOnlyList<RuleDependencies> Analyze(CompiledRuleSet rules) => [.. rules.Rules.Select(r => Analyze(r, rules.Types))];

    /// <summary>Analyses one rule.</summary>
    public static RuleDependencies Analyze(CompiledRule rule, FactTypeRegistry types)
    {
        var elements = new List<MatchingElement>();
        foreach (var element in rule.Syntax.When)
        {
            Walk(element, negated: false, optional: false, elements);
        }

        var inputs = new List<RuleInput>();
        foreach (var element in elements)
        {
            var type = types.Find(element.FactType);
            var kind = type?.Name switch
            {
                "Condition" when type.Role == FactTypeRole.Derived => DependencyKind.Condition,
                "NextStep" when type.Role == FactTypeRole.Derived => DependencyKind.NextStep,
                _ => DependencyKind.Fact,
            };
            if (kind == DependencyKind.Fact)
            {
                inputs.Add(new RuleInput(kind, element.FactType, element.Negated, element.Element.Location));
                continue;
            }

            var ids = ExpressionInspector.RequiredStrings(element.Where, "id");
            if (ids is null)
            {
                inputs.Add(new RuleInput(kind, null, element.Negated, element.Element.Location));
            }
            else
            {
                inputs.AddRange(ids.Select(id => new RuleInput(kind, id, element.Negated, element.Element.Location)));
            }
        }

        var outputs = rule.Syntax.Then.Select(action => action switch
        {
            ConditionActionSyntax condition => new RuleOutput(DependencyKind.Condition, condition.Id.Text, action),
            NextStepActionSyntax nextStep => new RuleOutput(DependencyKind.NextStep, nextStep.Id.Text, action),
            InsertActionSyntax insert => new RuleOutput(DependencyKind.Fact, insert.FactType.Text, action),
            _ => null,
        }).OfType<RuleOutput>().ToList();
        return new RuleDependencies(rule, elements, inputs, outputs);
    }

    private static void Walk(ElementSyntax element, bool negated, bool optional, List<MatchingElement> into)
    {
        switch (element)
        {
            case PatternSyntax or CountSyntax or AggregateSyntax:
                into.Add(new MatchingElement(element, negated, optional));
                break;
            case NotSyntax not:
                Walk(not.Element, !negated, optional: true, into);
                break;
            case ExistsSyntax exists:
                Walk(exists.Element, negated, optional, into);
                break;
            case AllSyntax all:
                foreach (var child in all.Elements)
                {
                    Walk(child, negated, optional, into);
                }

                break;
            case AnySyntax any:
                foreach (var alternative in any.Alternatives)
                {
                    Walk(alternative, negated, optional || any.Alternatives.Count > 1, into);
                }

                break;
        }
    }
}
