using System.Diagnostics;
using System.Text;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>Input meant to overflow the stack or hang the parser must end in a diagnostic, quickly.</summary>
public sealed class HostileExpressionTests
{
    private readonly ExpressionHarness _harness = new();

    public static TheoryData<string> DeeplyNested => new()
    {
        new string('(', 10_000),
        new string('(', 2_000) + "true" + new string(')', 2_000),
        new string('[', 10_000),
        new string('!', 4_000) + "true",
        string.Concat(Enumerable.Repeat("not ", 1_000)) + "true",
        string.Concat(Enumerable.Repeat("!(", 1_000)),
        string.Concat(Enumerable.Repeat("count(", 600)),
        string.Concat(Enumerable.Repeat("contains([", 300)),
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Deep_nesting_is_a_diagnostic_not_a_crash(string text)
    {
        var diagnostics = new DiagnosticBag();
        var watch = Stopwatch.StartNew();
        Assert.Null(ExpressionParser.Parse(text, ExpressionHarness.Origin, diagnostics));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
        Assert.Equal("expression nests more than 64 levels deep (parentheses, brackets, '!' and 'not')", error.Message);
    }

    [Fact]
    public void Ten_thousand_open_parentheses_are_reported_where_the_limit_is_crossed()
    {
        var error = _harness.SingleError(new string('(', 10_000));
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);

        // The 65th '(' is at offset 64, so column 17 + 64.
        Assert.Equal(new SourceLocation(ExpressionHarness.Origin.File, 14, 81), error.Location);
        Assert.Equal("split it into several conditions", error.Hint);
    }

    [Theory]
    [InlineData("(", ")", 1, "true", "{0}")]
    [InlineData("!", "", 1, "true", "{0}")]
    [InlineData("not ", "", 1, "true", "{0}")]
    [InlineData("!(n == 1 || ", ")", 2, "true", "{0}")]
    [InlineData("not (", ")", 2, "false", "{0}")]
    [InlineData("lower(", ")", 1, "title", "{0} == null")]
    [InlineData("any([", "])", 2, "true", "{0}")]
    [InlineData("count([", "]) > 0", 2, "true", "{0}")]
    public void Nesting_up_to_the_limit_parses_binds_and_runs(string open, string close, int levelsEach, string inner, string condition)
    {
        string Nest(int times) =>
            string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                condition,
                string.Concat(Enumerable.Repeat(open, times)) + inner + string.Concat(Enumerable.Repeat(close, times)));

        var times = ExpressionParser.MaxDepth / levelsEach;

        // A thread with the 1 MB stack that is the smallest default (Windows); Parlot needs most of it at 64 levels.
        RunOnThread(1024 * 1024, () =>
        {
            var diagnostics = new DiagnosticBag();
            var bound = _harness.BindCondition(Nest(times), diagnostics);
            Assert.True(bound is not null, string.Join("; ", diagnostics.Items));
            _harness.Invoke(bound, ExpressionHarness.SampleProposal);

            var deeper = _harness.SingleError(Nest(times + 1));
            Assert.Equal(DiagnosticCodes.ExpressionTooComplex, deeper.Code);
            Assert.StartsWith("expression nests more than 64 levels deep", deeper.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_small_thread_stack_gives_a_diagnostic_not_a_stack_overflow()
    {
        var text = new string('(', ExpressionParser.MaxDepth) + "true" + new string(')', ExpressionParser.MaxDepth);
        RunOnThread(192 * 1024, () =>
        {
            var error = _harness.SingleError(text);
            Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
            Assert.Equal("expression nests too deeply for the available stack", error.Message);
        });
    }

    [Fact]
    public void Brackets_inside_strings_do_not_count_as_nesting()
    {
        var text = "title == \"" + new string('(', 500) + new string('[', 500) + "\\\"" + new string('!', 100) + "\"";
        Assert.False(_harness.Evaluate(text));
    }

    [Fact]
    public void The_length_limit_is_4096_characters()
    {
        var longest = "true" + new string(' ', ExpressionParser.MaxLength - 4);
        Assert.True(_harness.Evaluate(longest));

        var error = _harness.SingleError(longest + " ");
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
        Assert.Equal("expression is 4097 characters long; at most 4096 are allowed", error.Message);
        Assert.Equal(ExpressionHarness.Origin, error.Location);

        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, _harness.SingleError(new string('(', 1_000_000)).Code);
    }

    [Fact]
    public void Long_operator_chains_are_bounded_by_tree_height()
    {
        // Long chains are iterative in the parser, but the binder and the LINQ compiler recurse on them.
        var chain = "1" + string.Concat(Enumerable.Repeat(" + 1", ExpressionParser.MaxHeight + 10)) + " > 0";
        var error = _harness.SingleError(chain);
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
        Assert.Equal($"expression is too complex: more than {ExpressionParser.MaxHeight} nested operations or list items", error.Message);

        var list = "id in [" + string.Join(",", Enumerable.Repeat("1", ExpressionParser.MaxHeight + 10)) + "]";
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, _harness.SingleError(list).Code);

        // A long but reasonable disjunction is fine.
        var disjunction = string.Join(" || ", Enumerable.Range(1, 200).Select(i => $"n == {i}"));
        Assert.True(_harness.Evaluate(disjunction));
        var ids = "id in [" + string.Join(", ", Enumerable.Range(1, 200).Select(i => $"\"P{i}\"")) + "]";
        Assert.True(_harness.Evaluate(ids));
    }

    [Fact]
    public void Unclosed_nesting_fails_fast_without_backtracking()
    {
        foreach (var text in new[]
        {
            string.Concat(Enumerable.Repeat("count(", 60)),
            string.Concat(Enumerable.Repeat("([", 30)) + "x",
            string.Concat(Enumerable.Repeat("p.party == (", 60)),
            string.Concat(Enumerable.Repeat("(!n+", 30)) + "\"",
        })
        {
            var diagnostics = new DiagnosticBag();
            var watch = Stopwatch.StartNew();
            Assert.Null(ExpressionParser.Parse(text, ExpressionHarness.Origin, diagnostics));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"'{text[..20]}…' took {watch.Elapsed}");
            Assert.Equal(DiagnosticCodes.ExpressionSyntax, Assert.Single(diagnostics.Items).Code);
        }
    }

    [Fact]
    public void Random_token_soup_never_throws()
    {
        string[] tokens =
        [
            "(", ")", "[", "]", "!", "not ", " and ", " or ", " in ", "&&", "||", "==", "!=", "<", "<=", ">", "+", "-", "*", "/",
            ",", ".", "\"", "\"x\"", "\"a\\nb\"", "\\", "1", "-2.5", "2025-02-30", "2025-03-12", "kind", "title", "p", "n",
            "count", "contains", "lower", " ", "\n", "null", "true", "'", "#", "é", "\t",
        ];
        var random = new Random(20250312);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5_000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 60);
            for (var j = 0; j < length; j++)
            {
                builder.Append(tokens[random.Next(tokens.Length)]);
            }

            var text = builder.ToString();
            var diagnostics = new DiagnosticBag();
            var bound = _harness.BindCondition(text, diagnostics);
            Assert.True(bound is not null || diagnostics.HasErrors, $"'{text}' failed without a diagnostic");
            Assert.All(diagnostics.Items, d => Assert.StartsWith("SG02", d.Code, StringComparison.Ordinal));
            if (bound is not null)
            {
                bound.ToLambda().Compile();
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private static void RunOnThread(int stackSize, Action action)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            stackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"failed on a {stackSize / 1024} KB thread: {failure}");
        }
    }
}
