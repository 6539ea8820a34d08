using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Tests.Expressions;

public sealed class ExpressionParserTests
{
    private static ExprNode Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var node = ExpressionParser.Parse(text, ExpressionHarness.Origin, diagnostics);
        Assert.True(node is not null, string.Join("; ", diagnostics.Items));
        Assert.Empty(diagnostics.Items);
        return node;
    }

    private static string Source(string text, ExprNode node) => text.Substring(node.Start, node.Length);

    [Fact]
    public void Builds_a_tree_by_precedence()
    {
        var node = Parse("a && b || !c == 1 + 2 * 3");
        var or = Assert.IsType<BinaryNode>(node);
        Assert.Equal(BinaryOperator.Or, or.Operator);
        var and = Assert.IsType<BinaryNode>(or.Left);
        Assert.Equal(BinaryOperator.And, and.Operator);
        var equal = Assert.IsType<BinaryNode>(or.Right);
        Assert.Equal(BinaryOperator.Equal, equal.Operator);
        Assert.IsType<NotNode>(equal.Left);
        var add = Assert.IsType<BinaryNode>(equal.Right);
        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryNode>(add.Right).Operator);
    }

    [Fact]
    public void Binary_operators_associate_to_the_left()
    {
        const string text = "10 - 4 - 3";
        var outer = Assert.IsType<BinaryNode>(Parse(text));
        Assert.Equal("10 - 4", Source(text, outer.Left));
        Assert.Equal("3", Source(text, outer.Right));
    }

    [Fact]
    public void Nodes_span_their_text_without_surrounding_white_space()
    {
        const string text = "  (kind ==  \"x\")   and p.party in [\"a\"]  ";
        var and = Assert.IsType<BinaryNode>(Parse(text));
        Assert.Equal("(kind ==  \"x\")   and p.party in [\"a\"]", Source(text, and));
        Assert.Equal("(kind ==  \"x\")", Source(text, and.Left));
        Assert.Equal("and", text.Substring(and.OperatorStart, and.OperatorLength));
        var equal = Assert.IsType<BinaryNode>(and.Left);
        Assert.Equal("==", text.Substring(equal.OperatorStart, equal.OperatorLength));
        var inNode = Assert.IsType<BinaryNode>(and.Right);
        var member = Assert.IsType<MemberAccessNode>(inNode.Left);
        Assert.Equal("p", member.Target.Name);
        Assert.Equal("party", Source(text, member.Member));
        Assert.Equal("[\"a\"]", Source(text, inNode.Right));
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"two\\nlines\"", "two\nlines")]
    [InlineData("\"\"", "")]
    [InlineData("\"(((\"", "(((")]
    public void Decodes_string_escapes(string text, string value) =>
        Assert.Equal(value, Assert.IsType<StringLiteralNode>(Parse(text)).Value);

    [Theory]
    [InlineData("42", "42")]
    [InlineData("1.50", "1.50")]
    [InlineData("-5", "-5")]
    [InlineData("0.000000001", "0.000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Reads_numbers_as_invariant_decimals(string text, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<NumberLiteralNode>(Parse(text)).Value);

    [Fact]
    public void A_dddd_dd_dd_token_is_always_a_date()
    {
        Assert.Equal(new DateOnly(2025, 3, 12), Assert.IsType<DateLiteralNode>(Parse("2025-03-12")).Value);
        Assert.Equal(new DateOnly(2024, 2, 29), Assert.IsType<DateLiteralNode>(Parse("2024-02-29")).Value);

        // With spaces it is arithmetic; a shorter number is arithmetic too.
        Assert.Equal(BinaryOperator.Subtract, Assert.IsType<BinaryNode>(Parse("2025 - 03 - 12")).Operator);
        Assert.Equal(BinaryOperator.Subtract, Assert.IsType<BinaryNode>(Parse("10-2")).Operator);
        Assert.Equal(BinaryOperator.Subtract, Assert.IsType<BinaryNode>(Parse("n-1")).Operator);
    }

    [Theory]
    [InlineData("notx")]
    [InlineData("inside")]
    [InlineData("order")]
    [InlineData("android")]
    [InlineData("nullable")]
    [InlineData("true_")]
    [InlineData("_x1")]
    public void Keywords_only_match_whole_words(string text) =>
        Assert.Equal(text, Assert.IsType<NameNode>(Parse(text)).Name);

    [Fact]
    public void Constants_and_calls_parse()
    {
        Assert.True(Assert.IsType<BoolLiteralNode>(Parse("true")).Value);
        Assert.False(Assert.IsType<BoolLiteralNode>(Parse("false")).Value);
        Assert.IsType<NullLiteralNode>(Parse("null"));
        var call = Assert.IsType<CallNode>(Parse("daysBetween ( start , 2025-01-01 )"));
        Assert.Equal("daysBetween", call.Function.Name);
        Assert.Equal(2, call.Arguments.Count);
        Assert.Empty(Assert.IsType<CallNode>(Parse("any()")).Arguments);
        Assert.Empty(Assert.IsType<ListLiteralNode>(Parse("[ ]")).Items);
        Assert.Equal(BinaryOperator.NotIn, Assert.IsType<BinaryNode>(Parse("a not   in b")).Operator);
    }

    [Fact]
    public void Newlines_are_white_space()
    {
        var node = Assert.IsType<BinaryNode>(Parse("mutual\n  &&\r\n  kind == \"x\"\n"));
        Assert.Equal(BinaryOperator.And, node.Operator);
    }

    [Fact]
    public void SplitConjuncts_returns_the_top_level_and_operands_left_to_right()
    {
        const string text = "a && (b || c) and d == 1 && (e && f)";
        var conjuncts = ExpressionBinder.SplitConjuncts(Parse(text));
        Assert.Equal(["a", "(b || c)", "d == 1", "e", "f"], conjuncts.Select(c => Source(text, c)));

        const string or = "a && b || c";
        Assert.Equal([or], ExpressionBinder.SplitConjuncts(Parse(or)).Select(c => Source(or, c)));

        const string single = "!(a && b)";
        Assert.Equal([single], ExpressionBinder.SplitConjuncts(Parse(single)).Select(c => Source(single, c)));
    }
}
