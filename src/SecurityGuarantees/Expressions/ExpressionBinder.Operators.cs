using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>Operators, with C# lifted null semantics: comparisons with null are false except == and !=, arithmetic gives null.</summary>
internal sealed partial class ExpressionBinder
{
    // The operators are found by reflection when the tree is built; keep them where the code is trimmed (native AOT).
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(DateOnly))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(decimal))]
    private TypedExpression? BindBinary(BinaryNode node)
    {
        if (node.Operator is BinaryOperator.In or BinaryOperator.NotIn)
        {
            var membership = BindMembership(node.Left, node.Right, node.OperatorStart, Spelling(node));
            return membership is null
                ? null
                : new TypedExpression(node.Operator == BinaryOperator.NotIn ? Expression.Not(membership) : membership, ExprType.Bool);
        }

        // Bind both sides before giving up, so that one pass reports every problem.
        var left = Bind(node.Left);
        var right = Bind(node.Right);
        if (left is null || right is null)
        {
            return null;
        }

        var result = node.Operator switch
        {
            BinaryOperator.And or BinaryOperator.Or => BindLogical(node, left, right),
            BinaryOperator.Equal or BinaryOperator.NotEqual =>
                BindEquality(left, node.Left, right, node.Right, node.Operator == BinaryOperator.NotEqual, node.OperatorStart, Spelling(node)),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => BindOrdering(node, left, right),
            _ => BindArithmetic(node, left, right),
        };
        if (result is null)
        {
            return null;
        }

        return new TypedExpression(result,
            result.Type == typeof(decimal?) ? ExprType.Number : result.Type == typeof(string) ? ExprType.String : ExprType.Bool);
    }

    private TypedExpression? BindNot(NotNode node)
    {
        var operand = Bind(node.Operand);
        if (operand is null)
        {
            return null;
        }

        if (operand.Kind != ValueKind.Bool)
        {
            Error(
                DiagnosticCodes.TypeMismatch,
                node.OperatorStart,
                $"'{node.Spelling}' needs a bool operand, not {operand.Type.Described}",
                $"'{node.Spelling}' applies to the operand right after it: write {node.Spelling}(a == b), or a not in list");
            return null;
        }

        return new TypedExpression(Expression.Not(AsBool(operand.Expression)), ExprType.Bool);
    }

    private Expression? BindLogical(BinaryNode node, TypedExpression left, TypedExpression right)
    {
        var ok = true;
        foreach (var (side, operand) in new[] { ("left", left), ("right", right) })
        {
            if (operand.Kind != ValueKind.Bool)
            {
                Error(
                    DiagnosticCodes.TypeMismatch,
                    node.OperatorStart,
                    $"'{Spelling(node)}' needs bool operands, but its {side} side is {operand.Type.Described}",
                    "compare it, e.g. with '==', '>' or 'in'");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        return node.Operator == BinaryOperator.And
            ? Expression.AndAlso(AsBool(left.Expression), AsBool(right.Expression))
            : Expression.OrElse(AsBool(left.Expression), AsBool(right.Expression));
    }

    /// <summary><c>==</c> or <c>!=</c>. Enums compare with strings by name; a literal name becomes a constant of the enum's type.</summary>
    private Expression? BindEquality(TypedExpression left, ExprNode leftNode, TypedExpression right, ExprNode rightNode, bool notEqual, int at, string spelling)
    {
        if (left.Kind == ValueKind.List || right.Kind == ValueKind.List)
        {
            Error(DiagnosticCodes.TypeMismatch, at, $"'{spelling}' cannot compare lists", "use 'in' or contains(list, x)");
            return null;
        }

        if (left.Kind == ValueKind.Null && right.Kind == ValueKind.Null)
        {
            return Expression.Constant(!notEqual);
        }

        left = left.Kind == ValueKind.Null ? TypedNull(right) : left;
        right = right.Kind == ValueKind.Null ? TypedNull(left) : right;

        if (left.Kind == ValueKind.Enum || right.Kind == ValueKind.Enum)
        {
            var pair = EnumComparands(left, leftNode, right, rightNode, at, spelling);
            if (pair is null)
            {
                return null;
            }

            (left, right) = pair.Value;
        }
        else if (left.Type != right.Type)
        {
            ReportMismatch(left, leftNode, right, rightNode, at, spelling);
            return null;
        }

        var (l, r) = AlignNullability(left.Expression, right.Expression);
        return notEqual ? Expression.NotEqual(l, r) : Expression.Equal(l, r);
    }

    /// <summary>Makes an enum comparable with the other side: the same enum as is, a string literal as a constant, anything else by name.</summary>
    private (TypedExpression, TypedExpression)? EnumComparands(TypedExpression left, ExprNode leftNode, TypedExpression right, ExprNode rightNode, int at, string spelling)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        if (left.Kind == ValueKind.Enum && right.Kind == ValueKind.Enum)
        {
            return (EnumNameOf(left), EnumNameOf(right));
        }

        var (enumSide, otherSide, otherNode) = left.Kind == ValueKind.Enum ? (left, right, rightNode) : (right, left, leftNode);
        if (otherSide.Kind != ValueKind.String)
        {
            ReportMismatch(left, leftNode, right, rightNode, at, spelling);
            return null;
        }

        TypedExpression converted;
        if (otherNode is StringLiteralNode literal)
        {
            if (EnumConstant(enumSide.Type.EnumValues!, enumSide.Expression.Type, literal) is not { } constant)
            {
                return null;
            }

            converted = new TypedExpression(constant, enumSide.Type);
        }
        else
        {
            converted = otherSide;
            enumSide = EnumNameOf(enumSide);
        }

        return left.Kind == ValueKind.Enum ? (enumSide, converted) : (converted, enumSide);
    }

    /// <summary>The enum value a string literal names, as a constant of <paramref name="constantType"/>; SG0205 if there is none.</summary>
    private ConstantExpression? EnumConstant(NameConventions.EnumNames names, Type constantType, StringLiteralNode literal)
    {
        if (names.TryParse(literal.Value, out var value))
        {
            return Expression.Constant(value, constantType);
        }

        Error(
            DiagnosticCodes.UnknownEnumValue,
            literal.Start,
            $"'{literal.Value}' is not a value of {names.Name}",
            NameSuggester.Hint(literal.Value, names.Names));
        return null;
    }

    private Expression? BindOrdering(BinaryNode node, TypedExpression left, TypedExpression right)
    {
        var spelling = Spelling(node);
        if (left.Kind == ValueKind.Enum || right.Kind == ValueKind.Enum)
        {
            Error(DiagnosticCodes.EnumOrdering, node.OperatorStart, $"enum values cannot be ordered with '{spelling}'", "compare them with '==', '!=' or 'in'");
            return null;
        }

        if (left.Kind == ValueKind.Null && right.Kind == ValueKind.Null)
        {
            Error(DiagnosticCodes.TypeMismatch, node.OperatorStart, $"'{spelling}' cannot order null and null");
            return null;
        }

        left = left.Kind == ValueKind.Null ? TypedNull(right) : left;
        right = right.Kind == ValueKind.Null ? TypedNull(left) : right;
        if (left.Type != right.Type)
        {
            ReportMismatch(left, node.Left, right, node.Right, node.OperatorStart, spelling);
            return null;
        }

        var type = node.Operator switch
        {
            BinaryOperator.Less => ExpressionType.LessThan,
            BinaryOperator.LessOrEqual => ExpressionType.LessThanOrEqual,
            BinaryOperator.Greater => ExpressionType.GreaterThan,
            _ => ExpressionType.GreaterThanOrEqual,
        };
        switch (left.Kind)
        {
            case ValueKind.Number or ValueKind.Date:
                return Expression.MakeBinary(type, left.Expression, right.Expression);
            case ValueKind.String:
                // Ordinal, and lifted: the comparison is null (so false) when either string is null.
                var comparison = Expression.Call(CompareOrdinalMethod, left.Expression, right.Expression);
                return Expression.MakeBinary(type, comparison, Expression.Constant(0, typeof(int?)));
            default:
                Error(DiagnosticCodes.TypeMismatch, node.OperatorStart, $"'{spelling}' cannot order {left.Type} values", "only numbers, dates and strings have an order");
                return null;
        }
    }

    private Expression? BindArithmetic(BinaryNode node, TypedExpression left, TypedExpression right)
    {
        if (node.Operator == BinaryOperator.Add && (left.Kind == ValueKind.String || right.Kind == ValueKind.String))
        {
            return BindJoin(node, left, right);
        }

        left = left.Kind == ValueKind.Null ? TypedNull(new TypedExpression(Expression.Constant(null, typeof(decimal?)), ExprType.Number)) : left;
        right = right.Kind == ValueKind.Null ? TypedNull(left) : right;
        if (left.Kind != ValueKind.Number || right.Kind != ValueKind.Number)
        {
            var hint = node.Operator == BinaryOperator.Subtract && (left.Kind == ValueKind.Date || right.Kind == ValueKind.Date)
                ? "daysBetween(from, to) gives the days between two dates"
                : null;
            Error(DiagnosticCodes.TypeMismatch, node.OperatorStart, $"'{Spelling(node)}' needs numbers, not {left.Type} and {right.Type}", hint);
            return null;
        }

        var type = node.Operator switch
        {
            BinaryOperator.Add => ExpressionType.Add,
            BinaryOperator.Subtract => ExpressionType.Subtract,
            BinaryOperator.Multiply => ExpressionType.Multiply,
            _ => ExpressionType.Divide,
        };
        return Expression.MakeBinary(type, left.Expression, right.Expression);
    }

    /// <summary><c>+</c> with a string on either side joins strings (an enum joins as its name); null if either side is null.</summary>
    private Expression? BindJoin(BinaryNode node, TypedExpression left, TypedExpression right)
    {
        Expression? Text(TypedExpression side) => side.Kind switch
        {
            ValueKind.String => side.Expression,
            ValueKind.Enum => EnumNameOf(side).Expression,
            ValueKind.Null => Expression.Constant(null, typeof(string)),
            _ => null,
        };

        var (l, r) = (Text(left), Text(right));
        if (l is null || r is null)
        {
            var other = l is null ? left : right;
            Error(DiagnosticCodes.TypeMismatch, node.OperatorStart, $"'+' joins strings, but one side is {other.Type.Described}",
                "numbers and dates do not join with text in an expression; write them in a template instead, e.g. text: \"{p.title} ({p.size})\"");
            return null;
        }

        return Expression.Call(JoinMethod, l, r);
    }

    private void ReportMismatch(TypedExpression left, ExprNode leftNode, TypedExpression right, ExprNode rightNode, int at, string spelling)
    {
        string? hint = null;
        foreach (var (value, other) in new[] { (left, rightNode), (right, leftNode) })
        {
            hint ??= (value.Kind, other) switch
            {
                (ValueKind.Date, StringLiteralNode) => "write dates without quotes, e.g. 2025-03-12",
                (ValueKind.Number, StringLiteralNode) => "write numbers without quotes",
                (ValueKind.Bool, StringLiteralNode) => "write true or false without quotes",
                (ValueKind.Enum, _) => $"compare {value.Type} with one of its names, e.g. \"{value.Type.EnumValues!.Names.FirstOrDefault()}\"",
                _ => null,
            };
        }

        Error(DiagnosticCodes.TypeMismatch, at, $"'{spelling}' cannot compare {left.Type} with {right.Type}", hint);
    }

    /// <summary>A null constant of the other side's type, made nullable, so the comparison is lifted.</summary>
    private static TypedExpression TypedNull(TypedExpression other) =>
        new(Expression.Constant(null, NullableOf(other.Expression.Type)), other.Type);

    private static (Expression, Expression) AlignNullability(Expression left, Expression right) =>
        left.Type == right.Type ? (left, right) : (MakeNullable(left), MakeNullable(right));

    private static Expression MakeNullable(Expression value) =>
        value.Type == NullableOf(value.Type) ? value : Expression.Convert(value, NullableOf(value.Type));

    private static Type NullableOf(Type type) =>
        type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    /// <summary>A bool, or a nullable bool read as true only when it is true.</summary>
    private static Expression AsBool(Expression value) =>
        value.Type == typeof(bool) ? value : Expression.Equal(value, Expression.Constant(true, typeof(bool?)));

    /// <summary>An enum's author-facing name as a string.</summary>
    private static TypedExpression EnumNameOf(TypedExpression value)
    {
        if (value.Type.EnumValues!.IsDeclared)
        {
            return new TypedExpression(value.Expression, ExprType.String); // a declared enum's values are their names
        }

        var method = EnumNameMethod.MakeGenericMethod(value.Type.EnumValues.ClrType);
        return new TypedExpression(Expression.Call(method, MakeNullable(value.Expression)), ExprType.String);
    }
}
