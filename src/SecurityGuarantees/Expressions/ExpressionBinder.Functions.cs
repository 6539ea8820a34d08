using System.Linq.Expressions;
using System.Reflection;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expressions;

/// <summary>Lists, <c>in</c> and the built-in functions.</summary>
internal sealed partial class ExpressionBinder
{
    private static readonly MethodInfo CountMethod = Function(nameof(ExpressionFunctions.Count));
    private static readonly MethodInfo AnyMethod = Function(nameof(ExpressionFunctions.Any));
    private static readonly MethodInfo ContainsMethod = Function(nameof(ExpressionFunctions.Contains));
    private static readonly MethodInfo ContainsValueMethod = Function(nameof(ExpressionFunctions.ContainsValue));
    private static readonly MethodInfo ContainsNumberMethod = Function(nameof(ExpressionFunctions.ContainsNumber));
    private static readonly MethodInfo ContainsNullableNumberMethod = Function(nameof(ExpressionFunctions.ContainsNullableNumber));
    private static readonly MethodInfo ContainsNameMethod = Function(nameof(ExpressionFunctions.ContainsName));
    private static readonly MethodInfo EnumNameMethod = Function(nameof(ExpressionFunctions.EnumName));
    private static readonly MethodInfo StartsWithMethod = Function(nameof(ExpressionFunctions.StartsWith));
    private static readonly MethodInfo EndsWithMethod = Function(nameof(ExpressionFunctions.EndsWith));
    private static readonly MethodInfo LowerMethod = Function(nameof(ExpressionFunctions.Lower));
    private static readonly MethodInfo DaysBetweenMethod = Function(nameof(ExpressionFunctions.DaysBetween));
    private static readonly MethodInfo CompareOrdinalMethod = Function(nameof(ExpressionFunctions.CompareOrdinal));
    private static readonly MethodInfo FromDoubleMethod = Function(nameof(ExpressionFunctions.FromDouble));
    private static readonly MethodInfo JoinMethod = Function(nameof(ExpressionFunctions.Join));

    private static MethodInfo Function(string name) =>
        typeof(ExpressionFunctions).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
        ?? throw new InvalidOperationException($"ExpressionFunctions.{name} is missing");

    /// <summary>A list literal used as a value: an array built in the tree (never a mutable array constant).</summary>
    private TypedExpression? BindList(ListLiteralNode node)
    {
        var items = node.Items.Select(Bind).ToList();
        if (items.Any(i => i is null))
        {
            return null;
        }

        ExprType? element = null;
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]!;
            if (item.Kind == ValueKind.List)
            {
                Error(DiagnosticCodes.TypeMismatch, node.Items[i].Start, "lists cannot contain lists");
                ok = false;
            }
            else if (item.Kind != ValueKind.Null && element is null)
            {
                element = item.Type;
            }
            else if (item.Kind != ValueKind.Null && item.Type != element)
            {
                Error(DiagnosticCodes.TypeMismatch, node.Items[i].Start, $"list items must have one type, but this is {item.Type.Described} in a list of {element}");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        // Numbers and dates are nullable already; bools and enums stay non-nullable unless an item needs null.
        var types = items.Where(i => i!.Kind != ValueKind.Null).Select(i => i!.Expression.Type).Distinct().ToList();
        var elementType = types.Count == 0 ? typeof(object)
            : types.Count == 1 && items.All(i => i!.Kind != ValueKind.Null) ? types[0]
            : NullableOf(types[0]);
        var initializers = items.Select(i => i!.Kind == ValueKind.Null
            ? Expression.Constant(null, elementType)
            : i.Expression.Type == elementType ? i.Expression : Expression.Convert(i.Expression, elementType));
        return new TypedExpression(Expression.NewArrayInit(elementType, initializers), ExprType.ListOf(element ?? ExprType.Null));
    }

    /// <summary>
    /// <c>x in list</c> and <c>contains(list, x)</c>. A literal list becomes an OrElse chain of equalities (so enum names are
    /// checked one by one); any other list a null-safe contains call.
    /// </summary>
    private Expression? BindMembership(ExprNode needleNode, ExprNode listNode, int at, string spelling)
    {
        var needle = Bind(needleNode);
        if (listNode is ListLiteralNode literal)
        {
            var items = literal.Items.Select(Bind).ToList();
            if (needle is null || items.Any(i => i is null))
            {
                return null;
            }

            if (needle.Kind == ValueKind.List)
            {
                Error(DiagnosticCodes.TypeMismatch, needleNode.Start, $"'{spelling}' looks for one value, not {needle.Type.Described}");
                return null;
            }

            Expression? chain = null;
            var ok = true;
            for (var i = 0; i < items.Count; i++)
            {
                var equal = BindEquality(needle, needleNode, items[i]!, literal.Items[i], notEqual: false, literal.Items[i].Start, spelling);
                ok &= equal is not null;
                if (equal is not null)
                {
                    chain = chain is null ? equal : Expression.OrElse(chain, equal);
                }
            }

            return ok ? chain ?? Expression.Constant(false) : null;
        }

        var list = Bind(listNode);
        if (needle is null || list is null)
        {
            return null;
        }

        if (list.Kind != ValueKind.List)
        {
            Error(DiagnosticCodes.TypeMismatch, listNode.Start, $"'{spelling}' needs a list, not {list.Type.Described}", "write a list such as [\"a\", \"b\"] or use a list field");
            return null;
        }

        return BindContains(list, needle, needleNode, at, spelling);
    }

    private Expression? BindContains(TypedExpression list, TypedExpression needle, ExprNode needleNode, int at, string spelling)
    {
        var element = list.Type.Element!;
        var elementType = ListElementType(list.Expression.Type)!;
        var value = needle.Kind == ValueKind.Null ? CanonicalNull(element, elementType) : needle;

        switch (element.Kind, value.Kind)
        {
            case (ValueKind.Number, ValueKind.Number):
                return Nullable.GetUnderlyingType(elementType) is { } numberType
                    ? Expression.Call(ContainsNullableNumberMethod.MakeGenericMethod(numberType), list.Expression, value.Expression)
                    : Expression.Call(ContainsNumberMethod.MakeGenericMethod(elementType), list.Expression, value.Expression);
            case (ValueKind.String, ValueKind.String):
                return Expression.Call(ContainsMethod.MakeGenericMethod(typeof(string)), list.Expression, value.Expression);
            case (ValueKind.String, ValueKind.Enum):
                return Expression.Call(ContainsMethod.MakeGenericMethod(typeof(string)), list.Expression, EnumNameOf(value).Expression);
            case (ValueKind.Enum, ValueKind.String or ValueKind.Enum) when element.EnumValues!.IsDeclared && needleNode is not StringLiteralNode:
                // A declared enum's values are their names: look for the needle's name among them.
                return Expression.Call(ContainsMethod.MakeGenericMethod(typeof(string)), list.Expression,
                    value.Kind == ValueKind.Enum ? EnumNameOf(value).Expression : value.Expression);
            case (ValueKind.Enum, ValueKind.String) when needleNode is StringLiteralNode literal:
                return EnumConstant(element.EnumValues!, elementType, literal) is { } constant
                    ? Expression.Call(ContainsMethod.MakeGenericMethod(elementType), list.Expression, constant)
                    : null;
            case (ValueKind.Enum, ValueKind.String):
                return Expression.Call(ContainsNameMethod.MakeGenericMethod(elementType), list.Expression, value.Expression);
            case (ValueKind.Enum, ValueKind.Enum) when element != value.Type:
                return Expression.Call(ContainsNameMethod.MakeGenericMethod(elementType), list.Expression, EnumNameOf(value).Expression);
            case (ValueKind.Enum or ValueKind.Date or ValueKind.Bool, _) when element == value.Type:
                return ContainsValue(list.Expression, elementType, value.Expression);
            default:
                Error(DiagnosticCodes.TypeMismatch, at, $"'{spelling}' cannot look for {needle.Type.Described} in {list.Type.Described}");
                return null;
        }
    }

    /// <summary>A null of the canonical type for list items of <paramref name="element"/> (numbers decimal?, dates DateOnly?).</summary>
    private static TypedExpression CanonicalNull(ExprType element, Type elementType)
    {
        var type = element.Kind switch
        {
            ValueKind.Number => typeof(decimal?),
            ValueKind.Date => typeof(DateOnly?),
            _ => NullableOf(elementType),
        };
        return new TypedExpression(Expression.Constant(null, type), element);
    }

    /// <summary>Contains for value types, whichever of the list item and the value is nullable.</summary>
    private static MethodCallExpression ContainsValue(Expression list, Type elementType, Expression value)
    {
        if (value.Type == elementType)
        {
            return Expression.Call(ContainsMethod.MakeGenericMethod(elementType), list, value);
        }

        return Nullable.GetUnderlyingType(value.Type) == elementType
            ? Expression.Call(ContainsValueMethod.MakeGenericMethod(elementType), list, value)
            : Expression.Call(ContainsMethod.MakeGenericMethod(elementType), list, Expression.Convert(value, elementType));
    }

    private TypedExpression? BindCall(CallNode node)
    {
        var name = node.Function.Name;
        if (!FunctionSignature.All.TryGetValue(name, out var signature))
        {
            var closest = NameSuggester.Closest(name, FunctionSignature.All.Keys);
            Error(
                DiagnosticCodes.UnknownFunction,
                node.Function.Start,
                $"unknown function '{name}'",
                closest is not null ? $"did you mean '{closest}'?" : $"the functions are {string.Join(", ", FunctionSignature.All.Values.Select(f => f.Usage))}");
            return null;
        }

        var arguments = node.Arguments;
        if (arguments.Count != signature.Arity)
        {
            Error(
                DiagnosticCodes.UnknownFunction,
                node.Function.Start,
                $"{name} takes {signature.Arity} argument{(signature.Arity == 1 ? "" : "s")}, not {arguments.Count}",
                $"write {signature.Usage}");
            return null;
        }

        if (name == "contains")
        {
            var membership = BindMembership(arguments[1], arguments[0], arguments[1].Start, "contains");
            return membership is null ? null : new TypedExpression(membership, ExprType.Bool);
        }

        var bound = arguments.Select(Bind).ToList();
        if (bound.Any(b => b is null))
        {
            return null;
        }

        switch (name)
        {
            case "count" or "any":
                var list = ListArgument(node, 0, bound[0]!);
                if (list is null)
                {
                    return null;
                }

                var elementType = ListElementType(list.Type)!;
                return name == "count"
                    ? new TypedExpression(Expression.Call(CountMethod.MakeGenericMethod(elementType), list), ExprType.Number)
                    : new TypedExpression(Expression.Call(AnyMethod.MakeGenericMethod(elementType), list), ExprType.Bool);
            case "startsWith" or "endsWith":
                var text = StringArgument(node, 0, bound[0]!);
                var affix = StringArgument(node, 1, bound[1]!);
                return text is null || affix is null
                    ? null
                    : new TypedExpression(Expression.Call(name == "startsWith" ? StartsWithMethod : EndsWithMethod, text, affix), ExprType.Bool);
            case "lower" or "upper" or "trim":
                var textArgument = StringArgument(node, 0, bound[0]!);
                var textMethod = name switch { "lower" => LowerMethod, "upper" => Function(nameof(ExpressionFunctions.Upper)), _ => Function(nameof(ExpressionFunctions.Trim)) };
                return textArgument is null ? null : new TypedExpression(Expression.Call(textMethod, textArgument), ExprType.String);
            case "length":
                var measured = StringArgument(node, 0, bound[0]!);
                return measured is null ? null : new TypedExpression(Expression.Call(Function(nameof(ExpressionFunctions.Length)), measured), ExprType.Number);
            case "sum" or "min" or "max":
                return BindListReduction(node, name, bound[0]!);
            case "abs":
                var absolute = NumberArgument(node, 0, bound[0]!);
                return absolute is null ? null : new TypedExpression(Expression.Call(Function(nameof(ExpressionFunctions.Abs)), absolute), ExprType.Number);
            case "round":
                var rounded = NumberArgument(node, 0, bound[0]!);
                var digits = NumberArgument(node, 1, bound[1]!);
                return rounded is null || digits is null
                    ? null
                    : new TypedExpression(Expression.Call(Function(nameof(ExpressionFunctions.Round)), rounded, digits), ExprType.Number);
            case "addDays":
                var start = DateArgument(node, 0, bound[0]!);
                var days = NumberArgument(node, 1, bound[1]!);
                return start is null || days is null
                    ? null
                    : new TypedExpression(Expression.Call(Function(nameof(ExpressionFunctions.AddDays)), start, days), ExprType.Date);
            case "matches":
                var subject = StringArgument(node, 0, bound[0]!);
                var pattern = PatternArgument(node);
                return subject is null || pattern is null
                    ? null
                    : new TypedExpression(Expression.Call(Function(nameof(ExpressionFunctions.Matches)), subject, Expression.Constant(pattern)), ExprType.Bool);
            default:
                var from = DateArgument(node, 0, bound[0]!);
                var to = DateArgument(node, 1, bound[1]!);
                return from is null || to is null ? null : new TypedExpression(Expression.Call(DaysBetweenMethod, from, to), ExprType.Number);
        }
    }

    /// <summary><c>sum</c>, <c>min</c> or <c>max</c> of a list field or binding: numbers (all three) or dates (min and max).</summary>
    private TypedExpression? BindListReduction(CallNode node, string name, TypedExpression argument)
    {
        var element = argument.Type.Element;
        if (argument.Kind != ValueKind.List || element is null
            || !(element.Kind == ValueKind.Number || (element.Kind == ValueKind.Date && name != "sum")))
        {
            var expected = name == "sum" ? "a list of numbers" : "a list of numbers or dates";
            Error(
                DiagnosticCodes.TypeMismatch,
                node.Arguments[0].Start,
                $"argument 1 of {name} must be {expected}, not {argument.Type.Described}",
                argument.Kind == ValueKind.Number
                    ? $"{name} takes a list; to {name} a field over several facts use an aggregate: compute: {{ total: {name}(field) }}"
                    : $"write {FunctionSignature.All[name].Usage}");
            return null;
        }

        var list = Expression.Convert(argument.Expression, typeof(System.Collections.IEnumerable));
        var (method, type) = (name, element.Kind) switch
        {
            ("sum", _) => (nameof(ExpressionFunctions.Sum), ExprType.Number),
            ("min", ValueKind.Number) => (nameof(ExpressionFunctions.MinNumber), ExprType.Number),
            ("max", ValueKind.Number) => (nameof(ExpressionFunctions.MaxNumber), ExprType.Number),
            ("min", _) => (nameof(ExpressionFunctions.MinDate), ExprType.Date),
            _ => (nameof(ExpressionFunctions.MaxDate), ExprType.Date),
        };
        return new TypedExpression(Expression.Call(Function(method), list), type);
    }

    /// <summary>The pattern of <c>matches</c>: a string literal, checked here so a bad pattern is a load error, not a run-time one.</summary>
    private string? PatternArgument(CallNode node)
    {
        if (node.Arguments[1] is not StringLiteralNode literal)
        {
            Error(DiagnosticCodes.TypeMismatch, node.Arguments[1].Start, "the pattern of matches must be a string literal",
                "write the pattern in quotes, e.g. matches(id, \"^pkg-[0-9]+$\"); it is checked when the rule is loaded");
            return null;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(literal.Value, ExpressionFunctions.MatchOptions, ExpressionFunctions.MatchTimeout);
            return literal.Value;
        }
        catch (ArgumentException e)
        {
            Error(DiagnosticCodes.RegexError, literal.Start, $"invalid pattern \"{literal.Value}\": {RegexProblem(e)}",
                "patterns are .NET regular expressions; escape a literal character with \\\\, e.g. \"\\\\.\"");
        }
        catch (NotSupportedException)
        {
            Error(DiagnosticCodes.RegexError, literal.Start, $"the pattern \"{literal.Value}\" needs backtracking, which matches does not do",
                "patterns run in linear time (no backreferences, lookarounds or atomic groups): rewrite without them");
        }

        return null;
    }

    /// <summary>What is wrong with a pattern, without the exception's type name or the repeated pattern.</summary>
    private static string RegexProblem(ArgumentException e) =>
        e is System.Text.RegularExpressions.RegexParseException parse
            ? $"{Describe(parse.Error)} at offset {parse.Offset}"
            : e.Message;

    private static string Describe(System.Text.RegularExpressions.RegexParseError error)
    {
        // "InsufficientClosingParentheses" -> "insufficient closing parentheses"
        var name = error.ToString();
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private Expression? NumberArgument(CallNode node, int index, TypedExpression argument)
    {
        switch (argument.Kind)
        {
            case ValueKind.Number:
                return argument.Expression;
            case ValueKind.Null:
                return Expression.Constant(null, typeof(decimal?));
            default:
                ReportArgument(node, index, "a number", argument);
                return null;
        }
    }

    private Expression? ListArgument(CallNode node, int index, TypedExpression argument)
    {
        if (argument.Kind == ValueKind.List)
        {
            return argument.Expression;
        }

        ReportArgument(node, index, "a list", argument);
        return null;
    }

    /// <summary>A string argument; an enum passes as its name, null as a null string.</summary>
    private Expression? StringArgument(CallNode node, int index, TypedExpression argument)
    {
        switch (argument.Kind)
        {
            case ValueKind.String:
                return argument.Expression;
            case ValueKind.Enum:
                return EnumNameOf(argument).Expression;
            case ValueKind.Null:
                return Expression.Constant(null, typeof(string));
            default:
                ReportArgument(node, index, "a string", argument);
                return null;
        }
    }

    private Expression? DateArgument(CallNode node, int index, TypedExpression argument)
    {
        switch (argument.Kind)
        {
            case ValueKind.Date:
                return argument.Expression;
            case ValueKind.Null:
                return Expression.Constant(null, typeof(DateOnly?));
            default:
                ReportArgument(node, index, "a date", argument);
                return null;
        }
    }

    private void ReportArgument(CallNode node, int index, string expected, TypedExpression argument)
    {
        var signature = FunctionSignature.All[node.Function.Name];
        var hint = expected == "a date" && node.Arguments[index] is StringLiteralNode
            ? "write dates without quotes, e.g. 2025-03-12"
            : $"write {signature.Usage}";
        Error(
            DiagnosticCodes.TypeMismatch,
            node.Arguments[index].Start,
            $"argument {index + 1} of {node.Function.Name} must be {expected}, not {argument.Type.Described}",
            hint);
    }
}
