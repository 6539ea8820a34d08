using NRules.RuleModel;

namespace SecurityGuarantees.Compilation;

/// <summary>The fact types the patterns of NRules rule definitions match (aggregate and group sources included).</summary>
internal sealed class PatternTypes : RuleElementVisitor<HashSet<Type>>
{
    private static readonly PatternTypes Instance = new();

    public static IReadOnlySet<Type> Of(IEnumerable<IRuleDefinition> definitions)
    {
        var types = new HashSet<Type>();
        foreach (var definition in definitions)
        {
            Instance.Visit(types, definition);
        }

        return types;
    }

    protected override PatternElement VisitPattern(HashSet<Type> context, PatternElement element)
    {
        context.Add(element.ValueType);
        return base.VisitPattern(context, element);
    }
}
