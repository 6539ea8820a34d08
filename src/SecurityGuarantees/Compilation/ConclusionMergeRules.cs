using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The engine's own rules, one per derived type: group the supports of each conclusion by key
/// (<see cref="SupportGroupAggregator"/>) and link the one merged fact to the group. NRules has no justification counting;
/// this gives it: the conclusion stays while any support does.
/// </summary>
internal static class ConclusionMergeRules
{
    /// <summary>Merge rules fire before author rules, so conclusions appear as soon as they are supported.</summary>
    public const int Priority = int.MaxValue;

    public const string NamePrefix = "$merge:";

    public static IRuleDefinition Build(FactTypeDescriptor type)
    {
        var builder = new RuleBuilder();
        builder.Name(NamePrefix + type.Name);
        builder.Priority(Priority);
        var lhs = builder.LeftHandSide();
        var group = lhs.Pattern(typeof(SupportGroup), "supports");
        var aggregate = group.Aggregate();
        aggregate.Aggregator(SupportGroupAggregatorFactory.Name, [], typeof(SupportGroupAggregatorFactory));
        var support = Expression.Parameter(typeof(SupportFact), "support");
        var source = aggregate.Pattern(typeof(SupportFact), "support");
        source.Condition(Expression.Lambda(
            Expression.Equal(Expression.Property(support, nameof(SupportFact.ConclusionType)), Expression.Constant(type.Name)), support));

        var merger = new ConclusionMerger(type);
        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda<Action<IContext>>(
            Expression.Call(Expression.Constant(merger), typeof(ConclusionMerger).GetMethod(nameof(ConclusionMerger.Execute))!, context), context));
        return builder.Build();
    }
}
