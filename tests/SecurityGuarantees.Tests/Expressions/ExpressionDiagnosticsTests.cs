using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>
/// Every diagnostic code with its exact location. The expressions start at line 14, column 17 of their file
/// (<see cref="ExpressionHarness.Origin"/>), so an offset k into the text is column 17 + k.
/// </summary>
public sealed class ExpressionDiagnosticsTests
{
    private readonly ExpressionHarness _harness = new();

    [Theory]
    [InlineData("kind ==", 24, "expected an operand after '==', found the end of the expression")]
    [InlineData("mutual mutual", 24, "unexpected 'mutual': expected an operator or the end of the expression")]
    [InlineData("(mutual", 24, "expected ')', found the end of the expression")]
    [InlineData("()", 18, "expected an expression after '(', found ')'")]
    [InlineData("contains(proposedBy \"x\")", 37, "expected ',' or ')', found '\"'")]
    [InlineData("count(", 23, "expected an argument or ')', found the end of the expression")]
    [InlineData("count(roles,)", 29, "expected an argument after ',', found ')'")]
    [InlineData("[1, 2", 22, "expected ',' or ']', found the end of the expression")]
    [InlineData("[1 2]", 20, "expected ',' or ']', found '2'")]
    [InlineData("p.", 19, "expected a field name after '.', found the end of the expression")]
    [InlineData("p.1", 19, "expected a field name after '.', found '1'")]
    [InlineData("mutual && || true", 27, "expected an operand after '&&', found '|'")]
    [InlineData("mutual and", 27, "expected an operand after 'and', found the end of the expression")]
    [InlineData("not", 20, "expected an operand after 'not', found the end of the expression")]
    [InlineData("!", 18, "expected an operand after '!', found the end of the expression")]
    [InlineData("kind not in", 28, "expected an operand after 'not in', found the end of the expression")]
    [InlineData("title == \"abc", 26, "unterminated string: expected a closing '\"' on the same line")]
    [InlineData("title == \"a\\tb\"", 28, "unknown escape '\\t' in string")]
    [InlineData("1.5.3 == 1", 20, "unexpected '.': expected an operator or the end of the expression")]
    [InlineData("99999999999999999999999999999999 > 1", 17, "number '99999999999999999999999999999999' is too large")]
    [InlineData("   ", 17, "expected an expression, found nothing")]
    [InlineData(") == 1", 17, "expected an expression, found ')'")]
    [InlineData("mutual; true", 23, "unexpected ';': expected an operator or the end of the expression")]
    public void Syntax_errors_say_what_was_expected_and_where(string text, int column, string message) =>
        AssertError(text, DiagnosticCodes.ExpressionSyntax, 14, column, message);

    [Theory]
    [InlineData("kind = \"x\"", "compare with '=='")]
    [InlineData("mutual & mutual", "write '&&' or 'and'")]
    [InlineData("mutual | mutual", "write '||' or 'or'")]
    [InlineData("'x' == title", "strings are written in double quotes")]
    [InlineData("title == \"a\\tb\"", "the escapes are \\\", \\\\ and \\n")]
    public void Syntax_errors_hint_at_the_likely_fix(string text, string hint) =>
        Assert.Equal(hint, _harness.SingleError(text).Hint);

    [Theory]
    [InlineData("p.stanse == \"accepted\"", 19, "unknown field 'stanse' on Position", "did you mean 'stance'?")]
    [InlineData("stanse == \"accepted\"", 17, "unknown field 'stanse' on Proposal", "did you mean 'stance'?")]
    [InlineData("titel == null", 17, "unknown field 'titel' on Proposal", "did you mean 'title'?")]
    [InlineData("mutual && q.partie == \"ua\"", 29, "unknown field 'partie' on Position", "did you mean 'party'?")]
    public void Unknown_fields_suggest_the_closest_name(string text, int column, string message, string hint) =>
        AssertError(text, DiagnosticCodes.UnknownField, 14, column, message, hint);

    [Fact]
    public void Unknown_field_without_a_close_name_lists_the_valid_names()
    {
        var error = _harness.SingleError("xyzzy > 1");
        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal("unknown field 'xyzzy' on Proposal", error.Message);
        Assert.StartsWith("valid names: accepted, amount, budget,", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pp.stance == \"accepted\"", true, 17, "unknown name 'pp'", "did you mean 'p'?")]
    [InlineData("m > 1", true, 17, "unknown name 'm'", "did you mean 'n'?")]
    [InlineData("foo > 1", false, 17, "unknown name 'foo'", "valid names: n, party, role, when")]
    [InlineData("partie == \"ua\"", false, 17, "unknown name 'partie'", "did you mean 'party'?")]
    [InlineData("count > 1", false, 17, "unknown name 'count'", "'count' is a function: write count(list)")]
    public void Unknown_names_are_reported(string text, bool filtering, int column, string message, string hint) =>
        AssertError(text, DiagnosticCodes.UnknownName, 14, column, message, hint, filtering);

    [Theory]
    [InlineData("durationDays == \"30\"", 30, "'==' cannot compare number with string", "write numbers without quotes")]
    [InlineData("start == \"2025-03-12\"", 23, "'==' cannot compare date with string", "write dates without quotes, e.g. 2025-03-12")]
    [InlineData("mutual == \"true\"", 24, "'==' cannot compare bool with string", "write true or false without quotes")]
    [InlineData("kind == 1", 22, "'==' cannot compare enum TestProposalKind with number", "compare enum TestProposalKind with one of its names, e.g. \"ceasefire\"")]
    [InlineData("p.stance != 2025-01-01", 26, "'!=' cannot compare enum TestStance with date", "compare enum TestStance with one of its names, e.g. \"accepted\"")]
    [InlineData("mutual && 1", 24, "'&&' needs bool operands, but its right side is a number", "compare it, e.g. with '==', '>' or 'in'")]
    [InlineData("title or mutual", 23, "'or' needs bool operands, but its left side is a string", "compare it, e.g. with '==', '>' or 'in'")]
    [InlineData("start - end > 1", 23, "'-' needs numbers, not date and date", "daysBetween(from, to) gives the days between two dates")]
    [InlineData("p == \"x\"", 17, "'p' is a Position fact, not a value", "use one of its fields, e.g. p.id")]
    [InlineData("count(title) > 1", 23, "argument 1 of count must be a list, not a string", "write count(list)")]
    [InlineData("daysBetween(\"2025-01-01\", end) > 1", 29, "argument 1 of daysBetween must be a date, not a string", "write dates without quotes, e.g. 2025-03-12")]
    [InlineData("startsWith(title, 1)", 35, "argument 2 of startsWith must be a string, not a number", "write startsWith(s, prefix)")]
    [InlineData("1 in title", 22, "'in' needs a list, not a string", "write a list such as [\"a\", \"b\"] or use a list field")]
    [InlineData("roles == proposedBy", 23, "'==' cannot compare lists", "use 'in' or contains(list, x)")]
    [InlineData("true < false", 22, "'<' cannot order bool values", "only numbers, dates and strings have an order")]
    public void Type_errors_point_at_the_operator_or_argument(string text, int column, string message, string hint) =>
        AssertError(text, DiagnosticCodes.TypeMismatch, 14, column, message, hint);

    [Theory]
    [InlineData("!title", 17, "'!' needs a bool operand, not a string")]
    [InlineData("not n", 17, "'not' needs a bool operand, not a number")]
    [InlineData("n.field == 1", 17, "'n' is not a fact, so it has no fields")]
    [InlineData("title.size == 1", 17, "'title' is a field of Proposal, not a fact, so it has no fields")]
    [InlineData("[1, \"a\"] == null", 21, "list items must have one type, but this is a string in a list of number")]
    [InlineData("count([[1]]) == 1", 24, "lists cannot contain lists")]
    [InlineData("2 in roles", 19, "'in' cannot look for a number in a list of enum TestRole")]
    [InlineData("kind in [\"ceasefire\", 1]", 39, "'in' cannot compare enum TestProposalKind with number")]
    [InlineData("proposedBy in [1]", 17, "'in' looks for one value, not a list of string")]
    [InlineData("null < null", 22, "'<' cannot order null and null")]
    [InlineData("title < 1", 23, "'<' cannot compare string with number")]
    public void Type_errors_are_precise(string text, int column, string message) =>
        AssertError(text, DiagnosticCodes.TypeMismatch, 14, column, message);

    [Theory]
    [InlineData("kind == \"ceasfire\"", 25, "'ceasfire' is not a value of TestProposalKind", "did you mean 'ceasefire'?")]
    [InlineData("stance == \"Accepted\"", 27, "'Accepted' is not a value of TestStance", "did you mean 'accepted'?")]
    [InlineData("kind in [\"ceasefire\", \"article5-lik\"]", 39, "'article5-lik' is not a value of TestProposalKind", "did you mean 'article5-like'?")]
    [InlineData("kind != \"truce\"", 25, "'truce' is not a value of TestProposalKind", "valid names: article5-like, ceasefire, reassurance-force")]
    [InlineData("contains(p.roles, \"beligerent\")", 35, "'beligerent' is not a value of TestRole", "did you mean 'belligerent'?")]
    [InlineData("\"guarantr\" in roles", 17, "'guarantr' is not a value of TestRole", "did you mean 'guarantor'?")]
    [InlineData("role == \"mediater\"", 25, "'mediater' is not a value of TestRole", "did you mean 'mediator'?")]
    public void Unknown_enum_names_suggest_the_closest(string text, int column, string message, string hint) =>
        AssertError(text, DiagnosticCodes.UnknownEnumValue, 14, column, message, hint);

    [Theory]
    [InlineData("cout(proposedBy) > 1", 17, "unknown function 'cout'", "did you mean 'count'?")]
    [InlineData("mutual && startswith(title, \"x\")", 27, "unknown function 'startswith'", "did you mean 'startsWith'?")]
    [InlineData("count(roles, 1) > 1", 17, "count takes 1 argument, not 2", "write count(list)")]
    [InlineData("daysBetween(start) > 1", 17, "daysBetween takes 2 arguments, not 1", "write daysBetween(from, to)")]
    [InlineData("any() ", 17, "any takes 1 argument, not 0", "write any(list)")]
    [InlineData(
        "exec(\"rm -rf /\")",
        17,
        "unknown function 'exec'",
        "the functions are count(list), contains(list, x), any(list), startsWith(s, prefix), endsWith(s, suffix), lower(s), daysBetween(from, to), sum(list), min(list), max(list), abs(x), round(x, digits), upper(s), trim(s), length(s), addDays(date, n), matches(s, \"pattern\")")]
    [InlineData("GetType() == null", 17, "unknown function 'GetType'", "the functions are count(list), contains(list, x), any(list), startsWith(s, prefix), endsWith(s, suffix), lower(s), daysBetween(from, to), sum(list), min(list), max(list), abs(x), round(x, digits), upper(s), trim(s), length(s), addDays(date, n), matches(s, \"pattern\")")]
    public void Only_the_built_in_functions_can_be_called(string text, int column, string message, string hint) =>
        AssertError(text, DiagnosticCodes.UnknownFunction, 14, column, message, hint);

    [Theory]
    [InlineData("start == 2025-02-30", 26, "invalid date '2025-02-30': there is no such day")]
    [InlineData("start == 2025-13-01", 26, "invalid date '2025-13-01': there is no such day")]
    [InlineData("start > 2025-3-1", 25, "invalid date '2025-3-1': dates are written yyyy-mm-dd, with two-digit month and day")]
    [InlineData("daysBetween(2024-02-29, 2023-02-29) > 1", 41, "invalid date '2023-02-29': there is no such day")]
    public void Invalid_dates_are_diagnostics_never_subtractions(string text, int column, string message) =>
        AssertError(text, DiagnosticCodes.InvalidDateLiteral, 14, column, message);

    [Theory]
    [InlineData("kind < \"ceasefire\"", 22, "enum values cannot be ordered with '<'")]
    [InlineData("p.stance >= q.stance", 26, "enum values cannot be ordered with '>='")]
    [InlineData("role > 1", 22, "enum values cannot be ordered with '>'")]
    public void Enums_cannot_be_ordered(string text, int column, string message) =>
        AssertError(text, DiagnosticCodes.EnumOrdering, 14, column, message, "compare them with '==', '!=' or 'in'");

    [Theory]
    [InlineData("durationDays + 1", "a number")]
    [InlineData("title", "a string")]
    [InlineData("lower(title)", "a string")]
    [InlineData("[true]", "a list of bool")]
    [InlineData("null", "null")]
    [InlineData("start", "a date")]
    [InlineData("kind", "an enum TestProposalKind")]
    [InlineData("count(roles)", "a number")]
    public void A_condition_must_be_boolean(string text, string type) =>
        AssertError(text, DiagnosticCodes.NotBoolean, 14, 17, $"a condition must be true or false, but this is {type}", "compare it, e.g. with '==', '>' or 'in'");

    [Fact]
    public void Not_binds_tighter_than_comparisons_and_the_error_says_so()
    {
        AssertError(
            "mutual && not kind in [\"ceasefire\"]",
            DiagnosticCodes.TypeMismatch,
            14,
            27,
            "'not' needs a bool operand, not an enum TestProposalKind",
            "'not' applies to the operand right after it: write not(a == b), or a not in list");
        AssertError("(!title)", DiagnosticCodes.TypeMismatch, 14, 18, "'!' needs a bool operand, not a string");
    }

    [Fact]
    public void Operators_are_quoted_as_written()
    {
        AssertError("2 not   in roles", DiagnosticCodes.TypeMismatch, 14, 19, "'not in' cannot look for a number in a list of enum TestRole");
        AssertError("mutual and\n  title", DiagnosticCodes.TypeMismatch, 14, 24, "'and' needs bool operands, but its right side is a string");
    }

    [Fact]
    public void Diagnostics_format_like_a_compiler()
    {
        var error = _harness.SingleError("kind == \"ceasfire\"");
        Assert.Equal(
            "rules/guarantees.yaml:14:25: error SG0205: 'ceasfire' is not a value of TestProposalKind (hint: did you mean 'ceasefire'?)",
            error.ToString());
    }

    [Fact]
    public void One_pass_reports_every_independent_error()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(_harness.BindCondition("stanse == 1 && kind == \"truce\" || cout(roles) > 1", diagnostics));
        Assert.Equal(
            ["SG0202@14:17", "SG0205@14:40", "SG0206@14:51"],
            diagnostics.Sorted().Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}"));
    }

    [Fact]
    public void Invalid_dates_and_syntax_errors_are_reported_together()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(ExpressionParser.Parse("start == 2025-02-30 &&", ExpressionHarness.Origin, diagnostics));
        Assert.Equal(
            ["SG0208@14:26", "SG0201@14:39"],
            diagnostics.Items.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}").Reverse());
    }

    [Fact]
    public void Locations_count_lines_and_columns_from_the_origin_across_line_breaks()
    {
        // Line 14 holds "mutual &&" from column 17; line 15 holds "  kind == "ceasfire"" from column 1.
        var error = _harness.SingleError("mutual &&\n  kind == \"ceasfire\"");
        Assert.Equal(DiagnosticCodes.UnknownEnumValue, error.Code);
        Assert.Equal(new SourceLocation("rules/guarantees.yaml", 15, 11), error.Location);

        var crlf = _harness.SingleError("mutual &&\r\n  kind == \"ceasfire\"");
        Assert.Equal(new SourceLocation("rules/guarantees.yaml", 15, 11), crlf.Location);

        var syntax = _harness.SingleError("mutual\n  && kind ==");
        Assert.Equal(DiagnosticCodes.ExpressionSyntax, syntax.Code);
        Assert.Equal(new SourceLocation("rules/guarantees.yaml", 15, 13), syntax.Location);

        var third = _harness.SingleError("mutual\n&&\n   titel == null");
        Assert.Equal(new SourceLocation("rules/guarantees.yaml", 16, 4), third.Location);
    }

    [Fact]
    public void A_continuation_column_places_later_lines_of_an_indented_block()
    {
        // A YAML block scalar whose lines are indented to column 7: the loader passes that column on.
        const string text = "mutual &&\nkind == \"ceasfire\"";
        var diagnostics = new DiagnosticBag();
        var node = ExpressionParser.Parse(text, ExpressionHarness.Origin, 7, diagnostics);
        Assert.NotNull(node);
        Assert.Null(new ExpressionBinder(_harness.Scope(), text, ExpressionHarness.Origin, 7, diagnostics).BindCondition(node));
        Assert.Equal(new SourceLocation("rules/guarantees.yaml", 15, 15), Assert.Single(diagnostics.Items).Location);

        var syntax = new DiagnosticBag();
        Assert.Null(ExpressionParser.Parse("mutual &&\n  kind ==", ExpressionHarness.Origin, 7, syntax));
        Assert.Equal(new SourceLocation("rules/guarantees.yaml", 15, 16), Assert.Single(syntax.Items).Location);
    }

    [Fact]
    public void Expressions_at_the_start_of_a_file_use_line_one_column_one()
    {
        var error = _harness.SingleError("mutual && kind == \"x\"", origin: new SourceLocation("a.yaml", 1, 1));
        Assert.Equal(new SourceLocation("a.yaml", 1, 19), error.Location);
    }

    [Fact]
    public void The_facade_parses_and_binds_in_one_call()
    {
        var diagnostics = new DiagnosticBag();
        var condition = ExpressionCompilerFacade.TryBindCondition("kind == \"ceasefire\" && n > 1", ExpressionHarness.Origin, _harness.Scope(), diagnostics);
        Assert.NotNull(condition);
        Assert.Empty(diagnostics.Items);
        Assert.Equal([_harness.ProposalParameter, _harness.N], condition.Parameters);

        var value = ExpressionCompilerFacade.TryBindValue("p.roles", ExpressionHarness.Origin, _harness.Scope(filtering: false), diagnostics);
        Assert.NotNull(value);
        Assert.Equal(typeof(IReadOnlyList<TestRole>), value.ClrType);

        Assert.Null(ExpressionCompilerFacade.TryBindCondition("kind ==", ExpressionHarness.Origin, _harness.Scope(), diagnostics));
        Assert.Null(ExpressionCompilerFacade.TryBindCondition("n", ExpressionHarness.Origin, _harness.Scope(), diagnostics));
        Assert.Equal([DiagnosticCodes.ExpressionSyntax, DiagnosticCodes.NotBoolean], diagnostics.Items.Select(d => d.Code));
    }

    private void AssertError(string text, string code, int line, int column, string message, string? hint = null, bool filtering = true)
    {
        var error = _harness.SingleError(text, filtering);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(ExpressionHarness.Origin.File, line, column), error.Location);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        if (hint is not null)
        {
            Assert.Equal(hint, error.Hint);
        }
    }
}
