using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>Binds, compiles and runs expressions against sample facts.</summary>
public sealed class ExpressionEvaluationTests
{
    private readonly ExpressionHarness _harness = new();

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("!false", true)]
    [InlineData("not true", false)]
    [InlineData("not not true", true)]
    [InlineData("mutual", true)]
    [InlineData("!mutual", false)]
    [InlineData("true && false", false)]
    [InlineData("true and true", true)]
    [InlineData("false || true", true)]
    [InlineData("false or false", false)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 != 1", false)]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2", true)]
    [InlineData("2 >= 3", false)]
    [InlineData("1 + 2 == 3", true)]
    [InlineData("5 - 7 == -2", true)]
    [InlineData("2 * 3.5 == 7", true)]
    [InlineData("7 / 2 == 3.5", true)]
    [InlineData("1 / 3 * 3 < 1.0000001", true)]
    [InlineData("0.1 + 0.2 == 0.3", true)]
    [InlineData("2 - -1 == 3", true)]
    [InlineData("-1 < 0", true)]
    public void Evaluates_literals_and_operators(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("1 + 2 * 3 == 7", true)]
    [InlineData("(1 + 2) * 3 == 9", true)]
    [InlineData("10 - 4 - 3 == 3", true)]
    [InlineData("12 / 3 / 2 == 2", true)]
    [InlineData("8 - 2 * 3 + 1 == 3", true)]
    [InlineData("true || false && false", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("false && false or true", true)]
    [InlineData("not true == false", true)]
    [InlineData("!(1 == 2)", true)]
    [InlineData("1 < 2 == true", true)]
    [InlineData("1 + 1 in [2, 3]", true)]
    [InlineData("1 + 1 not in [2, 3]", false)]
    [InlineData("2 in [1, 2] == true", true)]
    [InlineData("!mutual || durationDays > 10 && kind == \"ceasefire\"", true)]
    [InlineData("((((mutual))))", true)]
    public void Respects_precedence_and_associativity(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("id == \"P1\"", true)]
    [InlineData("title == \"Ceasefire now\"", true)]
    [InlineData("title == \"ceasefire now\"", false)]
    [InlineData("title != null", true)]
    [InlineData("id < \"P2\"", true)]
    [InlineData("\"a\" < \"B\"", false)]
    [InlineData("\"B\" < \"a\"", true)]
    [InlineData("\"abc\" <= \"abc\"", true)]
    [InlineData("\"b\" > \"abc\"", true)]
    [InlineData("\"a\\\"b\" == \"a\\\"b\" && \"a\\\"b\" != \"a\\\"\"", true)]
    [InlineData("\"a\\nb\" != \"a\\\\nb\"", true)]
    [InlineData("durationDays == 30", true)]
    [InlineData("durationDays + 10 == 40", true)]
    [InlineData("durationDays / 4 == 7.5", true)]
    [InlineData("durationDays > -5", true)]
    [InlineData("amount == 10", true)]
    [InlineData("amount * budget == 15", true)]
    [InlineData("budget == 1.5", true)]
    [InlineData("score == 2.5", true)]
    [InlineData("score > budget", true)]
    [InlineData("n == 3", true)]
    [InlineData("n + 1 == 4 && n * n == 9", true)]
    [InlineData("party == \"ua\"", true)]
    [InlineData("p.party == party", true)]
    [InlineData("q.party != p.party", true)]
    public void Evaluates_fields_and_bindings(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("start == 2025-03-12", true)]
    [InlineData("start != 2025-03-12", false)]
    [InlineData("start < 2025-03-13", true)]
    [InlineData("start >= 2025-03-13", false)]
    [InlineData("end > start", true)]
    [InlineData("end == 2025-06-30", true)]
    [InlineData("when < start", true)]
    [InlineData("2025-03-12 in deadlines", false)]
    [InlineData("2025-04-01 in deadlines", true)]
    [InlineData("start in [2025-01-01, 2025-03-12]", true)]
    [InlineData("daysBetween(start, end) == 110", true)]
    [InlineData("daysBetween(end, start) == -110", true)]
    [InlineData("daysBetween(2024-02-28, 2024-03-01) == 2", true)]
    [InlineData("daysBetween(when, start) > 10", true)]
    public void Evaluates_dates(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("count(proposedBy) == 2", true)]
    [InlineData("count(numbers) == 3", true)]
    [InlineData("count([]) == 0", true)]
    [InlineData("count([1, 2, 3]) == 3", true)]
    [InlineData("count(q.roles) == 0", true)]
    [InlineData("any(proposedBy)", true)]
    [InlineData("any(q.roles)", false)]
    [InlineData("any([])", false)]
    [InlineData("contains(proposedBy, \"ua\")", true)]
    [InlineData("contains(proposedBy, \"UA\")", false)]
    [InlineData("contains(proposedBy, party)", true)]
    [InlineData("contains([\"a\", \"b\"], \"b\")", true)]
    [InlineData("contains(numbers, 2)", true)]
    [InlineData("contains(numbers, 2.5)", false)]
    [InlineData("startsWith(title, \"Cease\")", true)]
    [InlineData("startsWith(title, \"cease\")", false)]
    [InlineData("endsWith(title, \"now\")", true)]
    [InlineData("endsWith(title, \"Now\")", false)]
    [InlineData("startsWith(kind, \"cease\")", true)]
    [InlineData("lower(title) == \"ceasefire now\"", true)]
    [InlineData("lower(\"ÄBC\") == \"äbc\"", true)]
    [InlineData("lower(kind) == \"ceasefire\"", true)]
    public void Evaluates_functions(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("\"us\" in proposedBy", true)]
    [InlineData("\"x\" in proposedBy", false)]
    [InlineData("\"x\" not in proposedBy", true)]
    [InlineData("party in proposedBy", true)]
    [InlineData("p.party in proposedBy", true)]
    [InlineData("q.party in proposedBy", false)]
    [InlineData("id in [\"P0\", \"P1\"]", true)]
    [InlineData("id in []", false)]
    [InlineData("id not in []", true)]
    [InlineData("3 in numbers", true)]
    [InlineData("4 not in numbers", true)]
    [InlineData("durationDays in [10, 20, 30]", true)]
    [InlineData("n in [1, 2]", false)]
    [InlineData("title in [null, \"Ceasefire now\"]", true)]
    [InlineData("null in proposedBy", false)]
    [InlineData("null in numbers", false)]
    public void Evaluates_membership(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("kind == \"ceasefire\"", true)]
    [InlineData("\"ceasefire\" == kind", true)]
    [InlineData("kind != \"reassurance-force\"", true)]
    [InlineData("kind == \"article5-like\"", false)]
    [InlineData("kind in [\"ceasefire\", \"article5-like\"]", true)]
    [InlineData("kind not in [\"reassurance-force\"]", true)]
    [InlineData("stance == \"accepted\"", true)]
    [InlineData("stance in [\"accepted\", \"conditional\"]", true)]
    [InlineData("stance != null", true)]
    [InlineData("contains(roles, \"guarantor\")", true)]
    [InlineData("\"mediator\" in roles", true)]
    [InlineData("\"belligerent\" not in roles", true)]
    [InlineData("contains(p.roles, \"belligerent\")", true)]
    [InlineData("\"belligerent\" in p.roles", true)]
    [InlineData("\"belligerent\" in q.roles", false)]
    [InlineData("role in roles", true)]
    [InlineData("role in p.roles", false)]
    [InlineData("role == \"guarantor\"", true)]
    [InlineData("p.stance == \"conditional\"", true)]
    [InlineData("p.stance == q.stance", false)]
    [InlineData("p.stance == stance", false)]
    [InlineData("p.stance != stance", true)]
    [InlineData("stance in [p.stance, \"accepted\"]", true)]
    [InlineData("p.verdict == stance", true)]
    [InlineData("q.verdict == q.stance", true)]
    [InlineData("p.verdict == p.stance", false)]
    [InlineData("p.verdict != p.stance", true)]
    [InlineData("p.verdict in [\"accepted\", \"pending\"]", true)]
    [InlineData("lower(\"Conditional\") == p.stance", true)]
    [InlineData("p.stance == party", false)]
    [InlineData("kind in proposedBy", false)]
    [InlineData("party in p.roles", false)]
    [InlineData("p.verdict in roles", false)]
    [InlineData("kind == null", false)]
    public void Compares_enums_by_kebab_case_name(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("durationDays == null", true)]
    [InlineData("durationDays != null", false)]
    [InlineData("null == durationDays", true)]
    [InlineData("durationDays > 0", false)]
    [InlineData("durationDays < 0", false)]
    [InlineData("durationDays <= 0", false)]
    [InlineData("durationDays >= 0", false)]
    [InlineData("durationDays == 0", false)]
    [InlineData("durationDays != 0", true)]
    [InlineData("durationDays + 1 == null", true)]
    [InlineData("durationDays * 0 == 0", false)]
    [InlineData("title == null", true)]
    [InlineData("title < \"a\"", false)]
    [InlineData("title >= \"a\"", false)]
    [InlineData("startsWith(title, \"C\")", false)]
    [InlineData("endsWith(title, null)", false)]
    [InlineData("lower(title) == null", true)]
    [InlineData("start < 2030-01-01", false)]
    [InlineData("start == null", true)]
    [InlineData("daysBetween(start, end) == null", true)]
    [InlineData("daysBetween(null, end) == null", true)]
    [InlineData("stance == null", true)]
    [InlineData("stance == \"accepted\"", false)]
    [InlineData("stance != \"accepted\"", true)]
    [InlineData("stance in [\"accepted\"]", false)]
    [InlineData("accepted", false)]
    [InlineData("!accepted", true)]
    [InlineData("accepted == null", true)]
    [InlineData("accepted != true", true)]
    [InlineData("score == null", true)]
    [InlineData("null == null", true)]
    [InlineData("null != null", false)]
    [InlineData("null < 1", false)]
    [InlineData("null + 1 == null", true)]
    [InlineData("count(proposedBy) == 0", true)]
    public void Uses_lifted_null_semantics(string text, bool expected) =>
        Assert.Equal(expected, _harness.Evaluate(text, ExpressionHarness.EmptyProposal));

    [Fact]
    public void Only_number_literals_take_a_minus_sign()
    {
        // There is no unary minus on names; write 0 - x.
        Assert.Equal(DiagnosticCodes.ExpressionSyntax, _harness.SingleError("-durationDays == null").Code);
        Assert.True(_harness.Evaluate("0 - durationDays == -30"));
    }

    [Fact]
    public void Null_lists_are_empty()
    {
        var proposal = ExpressionHarness.SampleProposal with { ProposedBy = null!, Roles = null! };
        Assert.True(_harness.Evaluate("count(proposedBy) == 0 && !any(roles) && \"x\" not in proposedBy && \"guarantor\" not in roles", proposal));
    }

    [Fact]
    public void Division_by_zero_throws_when_evaluated()
    {
        Assert.Throws<DivideByZeroException>(() => _harness.Evaluate("durationDays / 0 == 1"));
        Assert.Throws<DivideByZeroException>(() => _harness.Evaluate("durationDays / (n - 3) > 1"));
    }

    [Fact]
    public void Division_of_null_by_zero_is_null()
    {
        Assert.True(_harness.Evaluate("durationDays / 0 == null", ExpressionHarness.EmptyProposal));
    }

    [Fact]
    public void Values_have_canonical_types()
    {
        Assert.Equal(new[] { "a", "b" }, _harness.EvaluateValue("[\"a\", \"b\"]"));
        Assert.Equal(new decimal?[] { 1m, null }, _harness.EvaluateValue("[1, null]"));
        Assert.Equal(new[] { TestProposalKind.Ceasefire, TestProposalKind.Ceasefire }, _harness.EvaluateValue("[kind, kind]"));
        Assert.Equal(new TestStance?[] { TestStance.Conditional, TestStance.Accepted }, _harness.EvaluateValue("[p.stance, stance]"));
        Assert.Equal(new[] { TestRole.Belligerent }, _harness.EvaluateValue("p.roles"));
        Assert.Equal(2m, _harness.EvaluateValue("count(proposedBy)"));
        Assert.Equal(30m, _harness.EvaluateValue("durationDays"));
        Assert.Equal(10m, _harness.EvaluateValue("amount"));
        Assert.Equal(2.5m, _harness.EvaluateValue("score"));
        Assert.Equal("ceasefire now", _harness.EvaluateValue("lower(title)"));
        Assert.Equal(new DateOnly(2025, 6, 30), _harness.EvaluateValue("end"));
        Assert.Null(_harness.EvaluateValue("null"));
        Assert.Equal(6m, _harness.EvaluateValue("n * 2", filtering: false));
        Assert.Equal("ua", _harness.EvaluateValue("p.party", filtering: false));
    }

    [Theory]
    [InlineData("[\"a\"]", typeof(string[]))]
    [InlineData("[1, 2]", typeof(decimal?[]))]
    [InlineData("[2025-01-01]", typeof(DateOnly?[]))]
    [InlineData("[true, mutual]", typeof(bool[]))]
    [InlineData("[true, accepted]", typeof(bool?[]))]
    [InlineData("[]", typeof(object[]))]
    [InlineData("durationDays", typeof(decimal?))]
    [InlineData("budget", typeof(decimal?))]
    [InlineData("score", typeof(decimal?))]
    [InlineData("end", typeof(DateOnly?))]
    [InlineData("kind", typeof(TestProposalKind))]
    [InlineData("stance", typeof(TestStance?))]
    [InlineData("proposedBy", typeof(IReadOnlyList<string>))]
    [InlineData("count(roles)", typeof(decimal?))]
    [InlineData("daysBetween(start, end)", typeof(decimal?))]
    [InlineData("mutual", typeof(bool))]
    [InlineData("accepted", typeof(bool?))]
    [InlineData("role", typeof(TestRole))]
    public void Values_report_their_clr_type(string text, Type expected)
    {
        var bound = _harness.BindValue(text, new DiagnosticBag());
        Assert.NotNull(bound);
        Assert.Equal(expected, bound.ClrType);
        Assert.Equal(expected, bound.Body.Type);
    }

    [Fact]
    public void Each_and_having_scopes_have_no_current_fact()
    {
        var diagnostics = new DiagnosticBag();
        var bound = _harness.BindCondition("n > 2 && p.stance == \"conditional\"", diagnostics, filtering: false);
        Assert.NotNull(bound);
        Assert.Equal([_harness.P, _harness.N], bound.Parameters);
        Assert.True((bool)_harness.Invoke(bound, ExpressionHarness.SampleProposal)!);
    }
}
