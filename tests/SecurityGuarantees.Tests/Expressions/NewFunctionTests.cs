using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>
/// The functions of issue 13 (sum, min, max, abs, round, upper, trim, length, addDays, matches), '+' on strings, their
/// null results, and the hints for C#-style calls. Sample: numbers [1, 2, 3], deadlines [2025-04-01], title "Ceasefire now".
/// </summary>
public sealed class NewFunctionTests
{
    private readonly ExpressionHarness _harness = new();

    [Theory]
    [InlineData("sum(numbers) == 6", true)]
    [InlineData("min(numbers) == 1", true)]
    [InlineData("max(numbers) == 3", true)]
    [InlineData("sum(numbers) / count(numbers) == 2", true)]
    [InlineData("max(deadlines) == 2025-04-01", true)]
    [InlineData("min(deadlines) < end", true)]
    [InlineData("abs(5 - 7) == 2", true)]
    [InlineData("abs(budget) == 1.5", true)]
    [InlineData("round(2.5, 0) == 3", true)]
    [InlineData("round(-2.5, 0) == -3", true)]
    [InlineData("round(1.2345, 2) == 1.23", true)]
    [InlineData("upper(title) == \"CEASEFIRE NOW\"", true)]
    [InlineData("upper(kind) == \"CEASEFIRE\"", true)]
    [InlineData("trim(\"  a b \") == \"a b\"", true)]
    [InlineData("length(title) == 13", true)]
    [InlineData("addDays(start, 30) == 2025-04-11", true)]
    [InlineData("addDays(start, -12) == 2025-02-28", true)]
    [InlineData("matches(title, \"^Cease\")", true)]
    [InlineData("matches(title, \"fire\\\\s+now$\")", true)]
    [InlineData("matches(id, \"^P[0-9]+$\")", true)]
    [InlineData("matches(title, \"^now\")", false)]
    [InlineData("title + \"!\" == \"Ceasefire now!\"", true)]
    [InlineData("id + \"/\" + kind == \"P1/ceasefire\"", true)]
    public void Functions_compute_on_the_sample(string text, bool expected) => Assert.Equal(expected, _harness.Evaluate(text));

    [Theory]
    [InlineData("sum(numbers) == 0", true)] // an empty list sums to 0
    [InlineData("min(numbers) == null", true)] // and has no minimum
    [InlineData("max(deadlines) == null", true)]
    [InlineData("abs(durationDays) == null", true)]
    [InlineData("round(durationDays, 1) == null", true)]
    [InlineData("upper(title) == null", true)]
    [InlineData("trim(title) == null", true)]
    [InlineData("length(title) == null", true)]
    [InlineData("addDays(start, 1) == null", true)]
    [InlineData("title + \"x\" == null", true)]
    [InlineData("matches(title, \"a\")", false)] // a predicate on null is false, as a comparison with null is
    [InlineData("startsWith(title, \"a\")", false)]
    public void Null_arguments_give_the_documented_result(string text, bool expected) =>
        Assert.Equal(expected, _harness.Evaluate(text, ExpressionHarness.EmptyProposal));

    [Fact]
    public void Matches_runs_in_linear_time_on_a_pattern_that_backtracks_catastrophically_elsewhere()
    {
        var proposal = ExpressionHarness.SampleProposal with { Title = new string('a', 50_000) + "!" };
        Assert.False(_harness.Evaluate("matches(title, \"^(a+)+$\")", proposal));
    }

    [Theory]
    [InlineData("matches(title, \"([a-z\")", 32, "invalid pattern \"([a-z\": unterminated bracket at offset 5")]
    [InlineData("matches(title, \"a)\")", 32, "invalid pattern \"a)\": insufficient opening parentheses at offset 2")]
    [InlineData("matches(title, \"(a)\\\\1\")", 32, "the pattern \"(a)\\1\" needs backtracking, which matches does not do")]
    public void Bad_patterns_are_load_errors(string text, int column, string message)
    {
        var error = _harness.SingleError(text);
        Assert.Equal(DiagnosticCodes.RegexError, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(ExpressionHarness.Origin.File, 14, column), error.Location);
        Assert.NotNull(error.Hint);
    }

    [Theory]
    [InlineData("sum(title) > 1", 21, "argument 1 of sum must be a list of numbers, not a string", "write sum(list)")]
    [InlineData("sum(proposedBy) > 1", 21, "argument 1 of sum must be a list of numbers, not a list of string", "write sum(list)")]
    [InlineData("sum(deadlines) > 1", 21, "argument 1 of sum must be a list of numbers, not a list of date", "write sum(list)")]
    [InlineData("sum(amount) > 1", 21, "argument 1 of sum must be a list of numbers, not a number",
        "sum takes a list; to sum a field over several facts use an aggregate: compute: { total: sum(field) }")]
    [InlineData("max(roles) == null", 21, "argument 1 of max must be a list of numbers or dates, not a list of enum TestRole", "write max(list)")]
    [InlineData("abs(title) == 1", 21, "argument 1 of abs must be a number, not a string", "write abs(x)")]
    [InlineData("addDays(start, \"1\") == end", 32, "argument 2 of addDays must be a number, not a string", "write addDays(date, n)")]
    [InlineData("matches(title, id)", 32, "the pattern of matches must be a string literal",
        "write the pattern in quotes, e.g. matches(id, \"^pkg-[0-9]+$\"); it is checked when the rule is loaded")]
    [InlineData("title + 1 == \"x1\"", 23, "'+' joins strings, but one side is a number",
        "numbers and dates do not join with text in an expression; write them in a template instead, e.g. text: \"{p.title} ({p.size})\"")]
    public void Type_errors_name_the_argument(string text, int column, string message, string hint)
    {
        var error = _harness.SingleError(text);
        Assert.Equal(DiagnosticCodes.TypeMismatch, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(new SourceLocation(ExpressionHarness.Origin.File, 14, column), error.Location);
    }

    [Theory]
    [InlineData("title.StartsWith(\"a\")", 23, "'title.StartsWith(\"a\")' is C# syntax; expressions call functions, not methods or properties", "write startsWith(title, \"a\")")]
    [InlineData("p.party.EndsWith(\"a\")", 25, "'p.party.EndsWith(\"a\")' is C# syntax; expressions call functions, not methods or properties", "write endsWith(p.party, \"a\")")]
    [InlineData("proposedBy.Count > 1", 28, "'proposedBy.Count' is C# syntax; expressions call functions, not methods or properties", "write count(proposedBy)")]
    [InlineData("p.roles.Count > 1", 25, "'p.roles.Count' is C# syntax; expressions call functions, not methods or properties", "write count(p.roles)")]
    [InlineData("p.roles.Length > 1", 25, "'p.roles.Length' is C# syntax; expressions call functions, not methods or properties", "write count(p.roles)")]
    [InlineData("title.Length > 1", 23, "'title.Length' is C# syntax; expressions call functions, not methods or properties", "write length(title)")]
    [InlineData("title.ToLower() == \"x\"", 23, "'title.ToLower()' is C# syntax; expressions call functions, not methods or properties", "write lower(title)")]
    [InlineData("Math.Abs(n) > 1", 22, "'Math.Abs(n)' is C# syntax; expressions call functions, not methods or properties", "write abs(n)")]
    [InlineData("party.Trim() == \"x\"", 23, "'party.Trim()' is C# syntax; expressions call functions, not methods or properties", "write trim(party)")]
    [InlineData("title.Contains(\"x\")", 23, "'title.Contains(\"x\")' is C# syntax; expressions call functions, not methods or properties",
        "write contains(title, \"x\") if it is a list; for text use matches(s, \"pattern\") or startsWith/endsWith")]
    public void CSharp_style_calls_name_the_function_to_write(string text, int column, string message, string hint)
    {
        var error = _harness.SingleError(text);
        Assert.Equal(DiagnosticCodes.MethodCallSyntax, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(new SourceLocation(ExpressionHarness.Origin.File, 14, column), error.Location);
    }

    [Fact]
    public void CSharp_style_member_on_a_fact_adds_the_function_to_the_unknown_field_hint()
    {
        var error = _harness.SingleError("p.Count > 1");
        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal("expressions call functions, not members: count(list)", error.Hint);
    }

    [Fact]
    public void Unknown_methods_list_the_functions()
    {
        var error = _harness.SingleError("title.toString() == \"x\"");
        Assert.Equal(DiagnosticCodes.MethodCallSyntax, error.Code);
        Assert.StartsWith("the functions are count(list), ", error.Hint, StringComparison.Ordinal);
        error = _harness.SingleError("p.stance.name == \"x\"");
        Assert.Equal(DiagnosticCodes.MethodCallSyntax, error.Code);
    }
}
