using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.RuleGraphs;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Linting;

/// <summary>
/// Finds a pattern's <c>where</c> that can never hold because its top-level conjuncts ask contradictory constants of one
/// field: <c>kind == "a" &amp;&amp; kind == "b"</c>, <c>x &gt; 5 &amp;&amp; x &lt; 3</c>, <c>mutual &amp;&amp; !mutual</c>,
/// <c>kind in ["a"] &amp;&amp; kind != "a"</c>. Only constants are compared; anything else is assumed satisfiable.
/// </summary>
internal static class ContradictionFinder
{
    private static readonly object NullValue = new();

    /// <summary>A description of the contradiction (the conjuncts involved), or <see langword="null"/> when none is found.</summary>
    public static string? Find(TextSyntax? where, FactTypeDescriptor? type)
    {
        var node = ExpressionInspector.Parse(where);
        if (node is null || type is null)
        {
            return null;
        }

        var fields = new Dictionary<string, FieldConstraints>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var conjunct in ExpressionInspector.Conjuncts(node))
        {
            if (conjunct is BoolLiteralNode { Value: false })
            {
                return "'false' never holds";
            }

            if (!TryRead(conjunct, type, out var field, out var apply))
            {
                continue;
            }

            if (!fields.TryGetValue(field, out var constraints))
            {
                constraints = new FieldConstraints();
                fields.Add(field, constraints);
                order.Add(field);
            }

            constraints.Texts.Add(ExpressionInspector.TextOf(where!.Text, conjunct));
            apply(constraints);
        }

        foreach (var field in order)
        {
            var constraints = fields[field];
            if (constraints.Texts.Count > 1 && constraints.IsContradictory())
            {
                return $"{string.Join(" && ", constraints.Texts)} cannot all hold for one value of '{field}'";
            }
        }

        return null;
    }

    private static bool TryRead(ExprNode conjunct, FactTypeDescriptor type, out string field, out Action<FieldConstraints> apply)
    {
        field = "";
        apply = _ => { };
        switch (conjunct)
        {
            case NameNode name when Scalar(type, name) is { ElementKind: FieldKind.Bool }:
                field = name.Name;
                apply = c => c.Equal(true);
                return true;
            case NotNode { Operand: NameNode name } when Scalar(type, name) is { ElementKind: FieldKind.Bool }:
                field = name.Name;
                apply = c => c.Equal(false);
                return true;
            case BinaryNode { Left: NameNode name, Right: ListLiteralNode list } binary
                when binary.Operator is BinaryOperator.In or BinaryOperator.NotIn && Scalar(type, name) is not null:
            {
                var values = list.Items.Select(Constant).ToList();
                if (values.Any(v => v is null))
                {
                    return false;
                }

                field = name.Name;
                apply = binary.Operator == BinaryOperator.In ? c => c.OneOf(values!) : c => c.NoneOf(values!);
                return true;
            }

            case BinaryNode binary:
            {
                var op = binary.Operator;
                NameNode? name;
                object? value;
                if (binary.Left is NameNode left && Constant(binary.Right) is { } right)
                {
                    (name, value) = (left, right);
                }
                else if (binary.Right is NameNode rightName && Constant(binary.Left) is { } leftValue)
                {
                    (name, value) = (rightName, leftValue);
                    op = Flip(op);
                }
                else
                {
                    return false;
                }

                if (Scalar(type, name) is null)
                {
                    return false;
                }

                field = name.Name;
                var constant = value;
                switch (op)
                {
                    case BinaryOperator.Equal:
                        apply = c => c.Equal(constant);
                        return true;
                    case BinaryOperator.NotEqual:
                        apply = c => c.NoneOf([constant]);
                        return true;
                    case BinaryOperator.Greater or BinaryOperator.GreaterOrEqual when constant is IComparable comparable and not string:
                        apply = c => c.AtLeast(comparable, strict: op == BinaryOperator.Greater);
                        return true;
                    case BinaryOperator.Less or BinaryOperator.LessOrEqual when constant is IComparable comparable and not string:
                        apply = c => c.AtMost(comparable, strict: op == BinaryOperator.Less);
                        return true;
                    default:
                        return false;
                }
            }

            default:
                return false;
        }
    }

    private static FactFieldDescriptor? Scalar(FactTypeDescriptor type, NameNode name) =>
        type.FindField(name.Name) is { IsList: false } field ? field : null;

    private static object? Constant(ExprNode node) => node switch
    {
        StringLiteralNode s => s.Value,
        NumberLiteralNode n => n.Value,
        BoolLiteralNode b => b.Value,
        DateLiteralNode d => d.Value,
        NullLiteralNode => NullValue,
        _ => null,
    };

    private static BinaryOperator Flip(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => BinaryOperator.Greater,
        BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
        BinaryOperator.Greater => BinaryOperator.Less,
        BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
        BinaryOperator.In or BinaryOperator.NotIn => BinaryOperator.Add, // "x" in field tests a list: not a constraint here
        _ => op,
    };

    /// <summary>What the conjuncts on one field ask of it.</summary>
    private sealed class FieldConstraints
    {
        private HashSet<object>? _allowed;
        private readonly HashSet<object> _excluded = [];
        private (IComparable Value, bool Strict)? _lower;
        private (IComparable Value, bool Strict)? _upper;

        public List<string> Texts { get; } = [];

        public void Equal(object value) => OneOf([value]);

        public void OneOf(IReadOnlyList<object> values)
        {
            _allowed = _allowed is null ? [.. values] : [.. _allowed.Where(values.Contains)];
        }

        public void NoneOf(IReadOnlyList<object> values) => _excluded.UnionWith(values);

        public void AtLeast(IComparable value, bool strict)
        {
            if (_lower is not { } lower || !SameType(lower.Value, value) || Compare(value, lower.Value) > 0 || (Compare(value, lower.Value) == 0 && strict))
            {
                _lower = (value, strict);
            }
        }

        public void AtMost(IComparable value, bool strict)
        {
            if (_upper is not { } upper || !SameType(upper.Value, value) || Compare(value, upper.Value) < 0 || (Compare(value, upper.Value) == 0 && strict))
            {
                _upper = (value, strict);
            }
        }

        public bool IsContradictory()
        {
            if (_lower is { } lower && _upper is { } upper && SameType(lower.Value, upper.Value))
            {
                var compared = Compare(lower.Value, upper.Value);
                if (compared > 0 || (compared == 0 && (lower.Strict || upper.Strict)))
                {
                    return true;
                }
            }

            return _allowed is not null && !_allowed.Any(Possible);
        }

        private bool Possible(object value)
        {
            if (_excluded.Contains(value))
            {
                return false;
            }

            if (value == NullValue)
            {
                // null is neither greater nor smaller than anything: a bound excludes it.
                return _lower is null && _upper is null;
            }

            if (_lower is { } lower && value is IComparable v && SameType(v, lower.Value)
                && (Compare(v, lower.Value) < 0 || (Compare(v, lower.Value) == 0 && lower.Strict)))
            {
                return false;
            }

            return _upper is not { } upper || value is not IComparable w || !SameType(w, upper.Value)
                || !(Compare(w, upper.Value) > 0 || (Compare(w, upper.Value) == 0 && upper.Strict));
        }

        private static bool SameType(object a, object b) => a.GetType() == b.GetType();

        private static int Compare(IComparable a, IComparable b) => a.CompareTo(b);
    }
}
