using System.Globalization;
using CsCheck;
using SecurityGuarantees.Tests.Expressions;

namespace SecurityGuarantees.Tests.Properties;

/// <summary>
/// Random well-typed expressions, compiled by our grammar and binder, against a small reference evaluator written
/// here from the documented semantics (docs/rule-language.md): numbers are decimals, arithmetic with null is null,
/// <c>==</c>/<c>!=</c> treat null as a value, every other comparison with null is false, <c>lower(null)</c> is null,
/// <c>startsWith</c> with a null argument is false. Facts are random too, nulls included.
/// </summary>
public sealed class ExpressionPropertyTests
{
    private readonly ExpressionHarness _harness = new();

    /// <summary>An expression: its text (fully parenthesised), its value on a proposal, and whether it is the untyped <c>null</c> literal.</summary>
    private sealed record Expr(string Text, Func<TestProposal, object?> Value, bool IsNull = false);

    private static readonly Expr One = new("1", _ => 1m);
    private static readonly Expr Letter = new("\"a\"", _ => "a");

    /// <summary>Two untyped nulls do not type-check together (<c>null &lt; null</c> is SG0204): the second becomes a literal.</summary>
    private static Expr Typed(Expr a, Expr b, Expr literal) => a.IsNull && b.IsNull ? literal : b;

    private static readonly Gen<Expr> NumberLeaf = Gen.OneOf<Expr>(
        Gen.Int[0, 20].Select(i => new Expr(i.ToString(CultureInfo.InvariantCulture), _ => (decimal?)i)),
        Gen.Const(new Expr("durationDays", p => (decimal?)p.DurationDays)),
        Gen.Const(new Expr("amount", p => (decimal?)p.Amount)),
        Gen.Const(new Expr("budget", p => (decimal?)p.Budget)),
        Gen.Const(new Expr("null", _ => null, IsNull: true)));

    private static readonly Gen<Expr> StringLeaf = Gen.OneOf<Expr>(
        Gen.OneOf("a", "Ceasefire now", "ceasefire", "").Select(s => new Expr($"\"{s}\"", _ => s)),
        Gen.Const(new Expr("title", p => p.Title)),
        Gen.Const(new Expr("null", _ => null, IsNull: true)));

    private static readonly Gen<Expr> BoolLeaf = Gen.OneOf<Expr>(
        Gen.Const(new Expr("true", _ => true)),
        Gen.Const(new Expr("false", _ => false)),
        Gen.Const(new Expr("mutual", p => p.Mutual)));

    private static readonly Gen<Expr>[] Numbers = Levels(NumberLeaf, below => Gen.Select(below, below, Gen.OneOf('+', '-', '*'),
        (a, b0, op) => { var b = Typed(a, b0, One); return new Expr($"({a.Text} {op} {b.Text})", p => Arithmetic(op, (decimal?)a.Value(p), (decimal?)b.Value(p))); }));

    private static readonly Gen<Expr>[] Strings = Levels(StringLeaf, below => below.Select(s => s.IsNull ? s : new Expr($"lower({s.Text})", p => ((string?)s.Value(p))?.ToLowerInvariant())));

    private static readonly Gen<Expr> Condition = BuildConditions(3);

    private static Gen<Expr>[] Levels(Gen<Expr> leaf, Func<Gen<Expr>, Gen<Expr>> grow)
    {
        var levels = new Gen<Expr>[4];
        levels[0] = leaf;
        for (var i = 1; i < levels.Length; i++)
        {
            levels[i] = Gen.Frequency((2, (IGen<Expr>)leaf), (1, grow(levels[i - 1])));
        }

        return levels;
    }

    private static Gen<Expr> BuildConditions(int depth)
    {
        var numberComparison = Gen.Select(Numbers[2], Numbers[2], Gen.OneOf("==", "!=", "<", "<=", ">", ">="),
            (a, b0, op) => { var b = Typed(a, b0, One); return new Expr($"({a.Text} {op} {b.Text})", p => Compare(op, (decimal?)a.Value(p), (decimal?)b.Value(p))); });
        var stringComparison = Gen.Select(Strings[2], Strings[2], Gen.OneOf("==", "!="),
            (a, b0, op) => { var b = Typed(a, b0, Letter); return new Expr($"({a.Text} {op} {b.Text})", p => Equal((string?)a.Value(p), (string?)b.Value(p)) == (op == "==")); });
        var startsWith = Gen.Select(Strings[1], Strings[1],
            (a, b0) => { var b = Typed(a, b0, Letter); return new Expr($"startsWith({a.Text}, {b.Text})", p => a.Value(p) is string s && b.Value(p) is string t && s.StartsWith(t, StringComparison.Ordinal)); });
        var leaf = Gen.OneOf(BoolLeaf, numberComparison, stringComparison, startsWith);
        var level = leaf;
        for (var i = 0; i < depth; i++)
        {
            var below = level;
            var and = Gen.Select(below, below, (a, b) => new Expr($"({a.Text} && {b.Text})", p => (bool)a.Value(p)! && (bool)b.Value(p)!));
            var or = Gen.Select(below, below, (a, b) => new Expr($"({a.Text} || {b.Text})", p => (bool)a.Value(p)! || (bool)b.Value(p)!));
            var not = below.Select(a => new Expr($"!{a.Text}", p => !(bool)a.Value(p)!));
            level = Gen.Frequency((3, (IGen<Expr>)leaf), (1, and), (1, or), (1, not));
        }

        return level;
    }

    private static decimal? Arithmetic(char op, decimal? a, decimal? b) => a is null || b is null ? null : op switch
    {
        '+' => a + b,
        '-' => a - b,
        _ => a * b,
    };

    private static bool Compare(string op, decimal? a, decimal? b) => op switch
    {
        "==" => a == b,
        "!=" => a != b,
        _ when a is null || b is null => false,
        "<" => a < b,
        "<=" => a <= b,
        ">" => a > b,
        _ => a >= b,
    };

    private static bool Equal(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    private static readonly Gen<TestProposal> Proposals = Gen.Select(
        Gen.Int[0, 40].Select(i => i < 10 ? null : (int?)(i - 20)),
        Gen.Long[-5, 5],
        Gen.Int[-3, 3].Select(i => i / 2m),
        Gen.OneOf<string?>(null, "a", "Ceasefire now", "CEASEFIRE", ""),
        Gen.Bool,
        (days, amount, budget, title, mutual) => new TestProposal { Id = "P", DurationDays = days, Amount = amount, Budget = budget, Title = title, Mutual = mutual });

    [Fact]
    public void RandomConditions_EvaluateAsTheReferenceSays_NullsIncluded() =>
        Gen.Select(Condition, Proposals).Sample((expr, proposal) =>
            Assert.True(expr.Value(proposal) is bool expected && _harness.Evaluate(expr.Text, proposal) == expected,
                $"{expr.Text} on {proposal}: expected {expr.Value(proposal)}"),
            iter: 400, threads: 1, print: t => $"{t.Item1.Text} on {t.Item2}");
}
