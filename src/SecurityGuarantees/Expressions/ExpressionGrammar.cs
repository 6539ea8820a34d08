using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Parlot;
using Parlot.Fluent;
using SecurityGuarantees.Diagnostics;
using static Parlot.Fluent.Parsers;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// The Parlot grammar of the expression language. It is built once and shared (Parlot parsers are stateless).
/// Only <see cref="ExpressionParser"/> uses it: that checks length and nesting first, because this grammar recurses.
/// </summary>
/// <remarks>
/// Every alternative either fails before recursing or commits with an "expected ..." error, so parsing never backtracks
/// over nested input and stays linear.
/// </remarks>
internal static class ExpressionGrammar
{
    /// <summary>An expression, not anchored at the end; the caller checks that nothing follows.</summary>
    public static Parser<ExprNode> Expression { get; } = Build();

    public static bool IsKeyword(ReadOnlySpan<char> word) => word is "and" or "or" or "not" or "in" or "true" or "false" or "null";

    private static Parser<ExprNode> Build()
    {
        var expression = Deferred<ExprNode>();
        var unary = Deferred<ExprNode>();
        var nested = StackGuarded(expression);
        var nestedUnary = StackGuarded(unary);

        var openParen = Terms.Char('(').Then(static (_, start, _, _) => start);
        var closeParen = Terms.Char(')').Then(static (_, _, end, _) => end);
        var openBracket = Terms.Char('[').Then(static (_, start, _, _) => start);
        var closeBracket = Terms.Char(']').Then(static (_, _, end, _) => end);
        var comma = Terms.Char(',');
        var name = Token(ReadName);

        // (a, b, c): the items, then the offset just after the closing character.
        Parser<(IReadOnlyList<ExprNode> Items, int End)> Items(Parser<int> close, string item, string closing) =>
            OneOf(
                close.Then(static end => ((IReadOnlyList<ExprNode>)[], end)),
                nested
                    .And(ZeroOrMany(comma.SkipAnd(nested.ElseError($"expected {item} after ','"))))
                    .And(close.ElseError($"expected ',' or '{closing}'"))
                    .Then(static t => ((IReadOnlyList<ExprNode>)[t.Item1, .. t.Item2], t.Item3)))
            .ElseError($"expected {item} or '{closing}'");

        var parenthesized = openParen
            .And(nested.ElseError("expected an expression after '('"))
            .And(closeParen.ElseError("expected ')'"))
            .Then(static t => t.Item2 with { Start = t.Item1, Length = t.Item3 - t.Item1 });

        var list = openBracket
            .And(Items(closeBracket, "a list item", "]"))
            .Then(static t => (ExprNode)new ListLiteralNode(t.Item1, t.Item2.End - t.Item1, t.Item2.Items));

        var call = name
            .And(openParen)
            .And(Items(closeParen, "an argument", ")"))
            .Then(static t => (ExprNode)new CallNode(t.Item1.Start, t.Item3.End - t.Item1.Start, t.Item1, t.Item3.Items));

        // x.field; longer paths and x.Method(...) are parsed only to be reported with the function to use (MethodStyleNode).
        var member = name
            .And(OneOrMany(Terms.Char('.').SkipAnd(name.ElseError("expected a field name after '.'"))))
            .And(ZeroOrOne(openParen.And(Items(closeParen, "an argument", ")"))))
            .Then(static t =>
            {
                var (target, rest, call) = t;
                if (call.Count == 0 && rest.Count == 1)
                {
                    return (ExprNode)new MemberAccessNode(target.Start, rest[0].End - target.Start, target, rest[0]);
                }

                var end = call.Count == 0 ? rest[^1].End : call[0].Item2.End;
                return new MethodStyleNode(target.Start, end - target.Start, [target, .. rest], call.Count == 0 ? null : call[0].Item2.Items);
            });

        var primary = OneOf(
            parenthesized,
            list,
            Token(ReadString),
            Token(ReadDate),
            Token(ReadNumber),
            Token(ReadConstant),
            call,
            member,
            name.Then(static n => (ExprNode)n));

        var bang = Terms.Char('!').WhenNotFollowedBy(Literals.Char('=')).Then(static (_, start, _, _) => start);
        var notKeyword = Terms.Keyword("not").Then(static (_, start, _, _) => start);
        unary.Parser = OneOf(
            Not(bang, "!"),
            Not(notKeyword, "not"),
            primary);

        Parser<ExprNode> Not(Parser<int> op, string spelling) =>
            op.And(nestedUnary.ElseError($"expected an operand after '{spelling}'"))
                .Then(t => (ExprNode)new NotNode(t.Item1, t.Item2.End - t.Item1, t.Item1, spelling, t.Item2));

        var multiplicative = Level(unary, (Text("*"), BinaryOperator.Multiply, "*"), (Text("/"), BinaryOperator.Divide, "/"));
        var additive = Level(multiplicative, (Text("+"), BinaryOperator.Add, "+"), (Text("-"), BinaryOperator.Subtract, "-"));
        var relational = Level(
            additive,
            (Text("<="), BinaryOperator.LessOrEqual, "<="),
            (Text("<"), BinaryOperator.Less, "<"),
            (Text(">="), BinaryOperator.GreaterOrEqual, ">="),
            (Text(">"), BinaryOperator.Greater, ">"));
        var notIn = Terms.Keyword("not").Then(static (_, start, _, _) => start)
            .And(Terms.Keyword("in").Then(static (_, _, end, _) => end))
            .Then(static t => (t.Item1, t.Item2));
        var equality = Level(
            relational,
            (Text("=="), BinaryOperator.Equal, "=="),
            (Text("!="), BinaryOperator.NotEqual, "!="),
            (Keyword("in"), BinaryOperator.In, "in"),
            (notIn, BinaryOperator.NotIn, "not in"));
        var conjunction = Level(equality, (Text("&&"), BinaryOperator.And, "&&"), (Keyword("and"), BinaryOperator.And, "and"));
        var disjunction = Level(conjunction, (Text("||"), BinaryOperator.Or, "||"), (Keyword("or"), BinaryOperator.Or, "or"));

        expression.Parser = disjunction;
        return expression;
    }

    /// <summary>
    /// Fails the parse cleanly when the thread's stack runs low. The pre-scan bounds nesting, but Parlot needs roughly 8 KB
    /// of stack per level, so a small thread stack can still run out before the limit.
    /// </summary>
    private static Parser<ExprNode> StackGuarded(Parser<ExprNode> inner) =>
        new DelegateParser<ExprNode>((ParseContext context, out ExprNode value) =>
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                if (context is ExpressionParseContext expressionContext)
                {
                    expressionContext.StackExhausted = true;
                }

                throw new ParseException("expression nests too deeply for this thread's stack", context.Scanner.Cursor.Position);
            }

            var result = default(ParseResult<ExprNode>);
            var parsed = inner.Parse(context, ref result);
            value = result.Value;
            return parsed;
        });

    private static Parser<(int Start, int End)> Text(string text) =>
        Terms.Text(text).Then(static (_, start, end, _) => (start, end));

    private static Parser<(int Start, int End)> Keyword(string keyword) =>
        Terms.Keyword(keyword).Then(static (_, start, end, _) => (start, end));

    /// <summary>A left-associative precedence level: operands separated by any of the operators, folded left to right.</summary>
    private static Parser<ExprNode> Level(Parser<ExprNode> operand, params (Parser<(int Start, int End)> Token, BinaryOperator Operator, string Spelling)[] operators)
    {
        var tails = operators
            .Select(o => o.Token
                .And(operand.ElseError($"expected an operand after '{o.Spelling}'"))
                .Then(t => (o.Operator, t.Item1.Start, t.Item1.End, Right: t.Item2)))
            .ToArray();
        return operand.And(ZeroOrMany(OneOf(tails))).Then(static t =>
        {
            var left = t.Item1;
            foreach (var (op, opStart, opEnd, right) in t.Item2)
            {
                left = new BinaryNode(left.Start, right.End - left.Start, op, opStart, opEnd - opStart, left, right);
            }

            return left;
        });
    }

    /// <summary>A token read by hand after skipping white space, so that the node's span excludes the white space.</summary>
    private static Parser<T> Token<T>(Func<ExpressionParseContext?, string, int, (T? Node, int Length)> read)
        where T : ExprNode =>
        new DelegateParser<T>((ParseContext context, out T value) =>
        {
            var cursor = context.Scanner.Cursor;
            var before = cursor.Position;
            context.SkipWhiteSpace();
            var start = cursor.Offset;
            var (node, length) = start < context.Scanner.Buffer.Length
                ? read(context as ExpressionParseContext, context.Scanner.Buffer, start)
                : (null, 0);
            if (node is null)
            {
                cursor.ResetPosition(before);
                value = null!;
                return false;
            }

            cursor.Advance(length);
            value = node;
            return true;
        });

    private static (NameNode?, int) ReadName(ExpressionParseContext? context, string text, int start)
    {
        var end = WordEnd(text, start);
        if (end == start || IsKeyword(text.AsSpan(start, end - start)))
        {
            return (null, 0);
        }

        return (new NameNode(start, end - start, text[start..end]), end - start);
    }

    private static (ExprNode?, int) ReadConstant(ExpressionParseContext? context, string text, int start)
    {
        var end = WordEnd(text, start);
        ExprNode? node = text.AsSpan(start, end - start) switch
        {
            "true" => new BoolLiteralNode(start, 4, true),
            "false" => new BoolLiteralNode(start, 5, false),
            "null" => new NullLiteralNode(start, 4),
            _ => null,
        };
        return (node, end - start);
    }

    private static int WordEnd(string text, int start)
    {
        if (!(char.IsAsciiLetter(text[start]) || text[start] == '_'))
        {
            return start;
        }

        var end = start + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end;
    }

    private static int DigitsEnd(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>A number: digits with an optional fraction and an optional '-' right before them.</summary>
    private static (ExprNode?, int) ReadNumber(ExpressionParseContext? context, string text, int start)
    {
        var i = text[start] == '-' ? start + 1 : start;
        var end = DigitsEnd(text, i);
        if (end == i)
        {
            return (null, 0);
        }

        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            end = DigitsEnd(text, end + 1);
        }

        var literal = text.AsSpan(start, end - start);
        if (!decimal.TryParse(literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ParseException($"number '{literal}' is too large", new TextPosition(start, 0, 0));
        }

        return (new NumberLiteralNode(start, end - start, value), end - start);
    }

    /// <summary>
    /// A date. Anything shaped <c>dddd-d…-d…</c> is taken as a date, never as a subtraction, so that a mistyped date is
    /// reported instead of silently computed.
    /// </summary>
    private static (ExprNode?, int) ReadDate(ExpressionParseContext? context, string text, int start)
    {
        var yearEnd = DigitsEnd(text, start);
        if (yearEnd - start != 4 || yearEnd >= text.Length || text[yearEnd] != '-')
        {
            return (null, 0);
        }

        var monthEnd = DigitsEnd(text, yearEnd + 1);
        if (monthEnd == yearEnd + 1 || monthEnd >= text.Length || text[monthEnd] != '-')
        {
            return (null, 0);
        }

        var end = DigitsEnd(text, monthEnd + 1);
        if (end == monthEnd + 1)
        {
            return (null, 0);
        }

        var literal = text.AsSpan(start, end - start);
        if (!DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            var why = literal.Length == 10 ? "there is no such day" : "dates are written yyyy-mm-dd, with two-digit month and day";
            context?.Report(new LiteralProblem(start, DiagnosticCodes.InvalidDateLiteral, $"invalid date '{literal}': {why}"));
        }

        return (new DateLiteralNode(start, end - start, value), end - start);
    }

    /// <summary>A double-quoted string with the escapes \" \\ and \n; it cannot span lines.</summary>
    private static (ExprNode?, int) ReadString(ExpressionParseContext? context, string text, int start)
    {
        if (text[start] != '"')
        {
            return (null, 0);
        }

        var value = new StringBuilder();
        for (var i = start + 1; i < text.Length && text[i] != '\n'; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return (new StringLiteralNode(start, i + 1 - start, value.ToString()), i + 1 - start);
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                switch (text[i])
                {
                    case '"':
                        value.Append('"');
                        break;
                    case '\\':
                        value.Append('\\');
                        break;
                    case 'n':
                        value.Append('\n');
                        break;
                    default:
                        context?.Report(new LiteralProblem(
                            i - 1,
                            DiagnosticCodes.ExpressionSyntax,
                            $"unknown escape '\\{text[i]}' in string",
                            "the escapes are \\\", \\\\ and \\n"));
                        value.Append(text[i]);
                        break;
                }

                continue;
            }

            value.Append(c);
        }

        throw new ParseException("unterminated string: expected a closing '\"' on the same line", new TextPosition(start, 0, 0));
    }
}
