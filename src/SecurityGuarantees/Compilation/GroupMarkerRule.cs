using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Works around an NRules 1.0.4 defect: its exists and not nodes always join their right side as a correlated subnet,
/// so a group under <c>exists:</c>/<c>not:</c> that uses no earlier binding (an uncorrelated subnet rooted at the top of
/// the network) never matches once another element precedes it. Such a group is compiled into a hidden rule whose only
/// element is <c>exists: group</c> (first in its rule, where NRules is right) and which links a <see cref="GroupMarker"/>;
/// the author's rule then tests for the marker with a plain pattern.
/// </summary>
internal static class GroupMarkerRule
{
    public const string NamePrefix = "$group:";

    /// <summary>Hidden rules fire before author rules, so the marker is in place when they are matched.</summary>
    public const int Priority = int.MaxValue - 1;

    public static RuleBuilder CreateBuilder(string key)
    {
        var builder = new RuleBuilder();
        builder.Name(NamePrefix + key);
        builder.Priority(Priority);
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var insert = typeof(GroupMarkerRule).GetMethod(nameof(LinkMarker), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;
        builder.RightHandSide().Action(Expression.Lambda<Action<IContext>>(
            Expression.Call(insert, context, Expression.Constant(key)), context));
        return builder;
    }

    /// <summary>The condition a pattern over <see cref="GroupMarker"/> uses to find the marker of one group.</summary>
    public static LambdaExpression Condition(string key, string declarationName)
    {
        var marker = Expression.Parameter(typeof(GroupMarker), declarationName);
        return Expression.Lambda(Expression.Equal(Expression.Property(marker, nameof(GroupMarker.Key)), Expression.Constant(key)), marker);
    }

    private static void LinkMarker(IContext context, string key)
    {
        if (context.GetLinked(key) is null)
        {
            context.InsertLinked(key, new GroupMarker(key));
        }
    }
}
