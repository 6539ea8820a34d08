using System.Linq.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Decides which <c>then</c> actions may link their conclusion directly to the activation instead of through a support
/// and the merge rule (<see cref="ConclusionMergeRules"/>): those whose conclusion can never have a second support. That
/// holds when (1) no other action in the rule set states a conclusion of that type and id, and (2) the rule's
/// activation is a function of the conclusion's key: the rule has only patterns, <c>not:</c>, <c>exists:</c> and
/// <c>count:</c> (one count per match of the rest), each key
/// template of the conclusion is a literal or exactly one key field of a pattern (<c>{p.id}</c>), and from those, equality
/// conjuncts (<c>proposal == p.id</c>, <c>party == "UA"</c>, either way round) fix every key field of every pattern. Then
/// two activations with one conclusion key would match the same facts, i.e. be one activation.
/// </summary>
internal static class DirectConclusionPlanner
{
    /// <summary>Marks the direct actions of the built rules (<see cref="RuleFiringAction.Direct"/>).</summary>
    public static void Plan(IReadOnlyList<RuleFiringAction> actions)
    {
        var stated = new Dictionary<(string Type, string Id), int>();
        foreach (var factory in actions.SelectMany(a => a.Factories))
        {
            if (IdOf(factory) is { } key)
            {
                stated[key] = stated.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var action in actions)
        {
            for (var i = 0; i < action.Factories.Count; i++)
            {
                var factory = action.Factories[i];
                action.Direct[i] = IdOf(factory) is { } key && stated[key] == 1 && IsFunctionOfKey(action.Rule, factory);
            }
        }
    }

    private static (string, string)? IdOf(ConclusionFactory factory) => factory switch
    {
        ConditionFactory condition => (factory.Type.Name, condition.Id),
        NextStepFactory nextStep => (factory.Type.Name, nextStep.Id),
        _ => null, // inserts go through the merge: their types can also come from the scenario
    };

    private static bool IsFunctionOfKey(CompiledRule rule, ConclusionFactory factory)
    {
        // A count: gives one result per match of what precedes it, so it adds no second activation either.
        if (!rule.Syntax.When.SelectMany(e => e.Conjuncts()).All(e => e is PatternSyntax or NotSyntax or ExistsSyntax or CountSyntax))
        {
            return false;
        }

        var patterns = rule.PositivePatterns.ToDictionary(p => p.Declaration, StringComparer.Ordinal);
        var fixedFields = new HashSet<(string Declaration, string Property)>();
        TextTemplate?[] keyTemplates = factory switch
        {
            ConditionFactory condition => [condition.Subject],
            NextStepFactory nextStep => [nextStep.Actor, nextStep.Subject],
            _ => [],
        };
        foreach (var template in keyTemplates)
        {
            if (template is null || template.IsLiteral)
            {
                continue; // the same for every activation
            }

            // A hole that is exactly a key field of a pattern: unchanged by updates, and it fixes that field.
            if (template.SingleHole is not { } hole || Field(hole.Body) is not { } field
                || !patterns.TryGetValue(field.Declaration, out var pattern)
                || !pattern.Type.KeyFields.Any(k => k.MemberName == field.Property))
            {
                return false;
            }

            fixedFields.Add(field);
        }

        // Equalities fix fields in both directions, until nothing changes.
        var equalities = rule.PositivePatterns.SelectMany(p => p.Conjuncts).Select(c => c.Body).OfType<BinaryExpression>()
            .Where(b => b.NodeType == ExpressionType.Equal).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var equal in equalities)
            {
                var (left, right) = (Field(equal.Left), Field(equal.Right));
                if (left is { } constantLeft && IsConstant(equal.Right))
                {
                    changed |= fixedFields.Add(constantLeft);
                }

                if (right is { } constantRight && IsConstant(equal.Left))
                {
                    changed |= fixedFields.Add(constantRight);
                }

                if (left is { } l && right is { } r)
                {
                    changed |= (fixedFields.Contains(r) && fixedFields.Add(l)) | (fixedFields.Contains(l) && fixedFields.Add(r));
                }
            }
        }

        return rule.PositivePatterns.All(p => p.Type.AlternativeIdField is null
            && p.Type.KeyFields.All(k => fixedFields.Contains((p.Declaration, k.MemberName))));
    }

    /// <summary>A field read (through conversions), as the declaration's name and the field's member name.</summary>
    private static (string Declaration, string Property)? Field(Expression expression) =>
        FactFieldDescriptor.ReadOf(expression) is var (parameter, member) ? (parameter.Name!, member) : null;

    private static bool IsConstant(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            expression = convert.Operand;
        }

        return expression is ConstantExpression;
    }
}
