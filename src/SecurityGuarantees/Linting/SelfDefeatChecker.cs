using SecurityGuarantees.Expressions;
using SecurityGuarantees.RuleGraphs;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Linting;

/// <summary>
/// Decides whether a fact a rule produces certainly matches a pattern of the same rule's <c>not:</c>. Such a rule fires,
/// its conclusion makes the <c>not:</c> fail, truth maintenance retracts the conclusion, and the rule fires again.
/// Only certain matches count: every conjunct of the pattern must hold for the produced values (a constant the action
/// writes, or the same <c>{x.y}</c> the conjunct compares with).
/// </summary>
internal static class SelfDefeatChecker
{
    /// <summary>Whether the fact produced by <paramref name="action"/> certainly matches <paramref name="pattern"/>.</summary>
    public static bool CertainlyMatches(PatternSyntax pattern, ActionSyntax action)
    {
        var produced = Produced(action);
        var node = ExpressionInspector.Parse(pattern.Where);
        if (pattern.Where is not null && node is null)
        {
            return false;
        }

        return ExpressionInspector.Conjuncts(node).All(c => Holds(c, produced));
    }

    private static Dictionary<string, Value> Produced(ActionSyntax action)
    {
        var values = new Dictionary<string, Value>(StringComparer.Ordinal);
        switch (action)
        {
            case ConditionActionSyntax condition:
                values["id"] = Value.Literal(condition.Id.Text);
                values["subject"] = Value.Of(condition.Subject);
                values["parties"] = new Value(true, null, null, condition.Parties);
                values["severity"] = condition.Severity is null ? Value.Literal("info") : Value.Of(condition.Severity);
                values["text"] = Value.Of(condition.Text);
                break;
            case NextStepActionSyntax nextStep:
                values["id"] = Value.Literal(nextStep.Id.Text);
                values["actor"] = Value.Of(nextStep.Actor);
                values["subject"] = Value.Of(nextStep.Subject);
                values["text"] = Value.Of(nextStep.Text);
                break;
            case InsertActionSyntax insert:
                foreach (var field in insert.Fields)
                {
                    values[field.Name.Text] = field.Items is not null ? new Value(true, null, null, field.Items) : Value.Of(field.Value);
                }

                break;
        }

        return values;
    }

    private static bool Holds(ExprNode conjunct, Dictionary<string, Value> produced)
    {
        switch (conjunct)
        {
            case NameNode name when produced.TryGetValue(name.Name, out var flag):
                return flag is { IsKnown: true, Text: "true" };
            case BinaryNode { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } binary:
            {
                var (field, other) = binary.Left is NameNode left && produced.ContainsKey(left.Name) ? (left, binary.Right)
                    : binary.Right is NameNode right && produced.ContainsKey(right.Name) ? (right, binary.Left)
                    : ((NameNode?)null, binary.Left);
                if (field is null)
                {
                    return false;
                }

                var value = produced[field.Name];
                var equal = binary.Operator == BinaryOperator.Equal;
                switch (other)
                {
                    case StringLiteralNode s when value.IsKnown && value.Items is null:
                        return string.Equals(value.Text, s.Value, StringComparison.Ordinal) == equal;
                    case NullLiteralNode when value.IsKnown && value.Items is null:
                        return (value.Text is null) == equal;
                    case NullLiteralNode when !value.IsKnown && value.Template is not null:
                        return false; // a filled template may render empty; not certain
                    case MemberAccessNode or NameNode when equal && value.Template is { } template:
                        return SameHole(template, other);
                    default:
                        return false;
                }
            }

            case BinaryNode { Operator: BinaryOperator.In, Left: NameNode name, Right: ListLiteralNode list }
                when produced.TryGetValue(name.Name, out var value) && value is { IsKnown: true, Items: null }:
                return list.Items.OfType<StringLiteralNode>().Any(i => string.Equals(i.Value, value.Text, StringComparison.Ordinal));
            case BinaryNode { Operator: BinaryOperator.In, Left: StringLiteralNode item, Right: NameNode name }
                when produced.TryGetValue(name.Name, out var value) && value.Items is { } items:
                return items.Any(i => ExpressionInspector.IsLiteral(i) && ExpressionInspector.LiteralValue(i) == item.Value);
            default:
                return false;
        }
    }

    /// <summary>Whether a template is exactly one hole holding the same expression, e.g. <c>{p.id}</c> and <c>p.id</c>.</summary>
    private static bool SameHole(string template, ExprNode other)
    {
        var trimmed = template.Trim();
        if (trimmed.Length < 3 || trimmed[0] != '{' || trimmed[^1] != '}' || trimmed.IndexOf('{', 1) >= 0)
        {
            return false;
        }

        var hole = trimmed[1..^1].Trim();
        return other switch
        {
            MemberAccessNode member => hole == $"{member.Target.Name}.{member.Member.Name}",
            NameNode bare => hole == bare.Name,
            _ => false,
        };
    }

    /// <summary>A produced field value: a known literal (or null), a template, or list items.</summary>
    private sealed record Value(bool IsKnown, string? Text, string? Template, IReadOnlyList<TextSyntax>? Items)
    {
        public static Value Literal(string? text) => new(true, text, null, null);

        public static Value Of(TextSyntax? text) =>
            text is null ? Literal(null)
            : ExpressionInspector.IsLiteral(text) ? Literal(ExpressionInspector.LiteralValue(text))
            : new Value(false, null, text.Text, null);
    }
}
