using System.Globalization;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>Expressions mean the same on every machine: numbers, dates, lower() and messages ignore the current culture.</summary>
public sealed class CultureInvarianceTests
{
    private readonly ExpressionHarness _harness = new();

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public void Expressions_ignore_the_current_culture(string culture) => UnderCulture(culture, () =>
    {
        Assert.True(_harness.Evaluate("lower(\"I\") == \"i\""));
        Assert.True(_harness.Evaluate("lower(\"TITLE\") == \"title\""));
        Assert.True(_harness.Evaluate("1.5 + 1 == 2.5"));
        Assert.True(_harness.Evaluate("budget == 1.5 && score == 2.5"));
        Assert.True(_harness.Evaluate("start == 2025-03-12 && daysBetween(start, 2026-03-12) == 365"));
        Assert.True(_harness.Evaluate("\"i\" < \"İ\" && \"Z\" < \"a\""));
        Assert.True(_harness.Evaluate("kind == \"ceasefire\" && contains(roles, \"guarantor\")"));
        Assert.Equal(1.5m, _harness.EvaluateValue("1.5"));
        Assert.Equal("ıi", _harness.EvaluateValue("lower(\"ıI\")"));

        // A decimal comma is not a number here, whatever the culture.
        Assert.Equal(DiagnosticCodes.ExpressionSyntax, _harness.SingleError("budget == 1,5").Code);
    });

    [Fact]
    public void The_turkish_culture_really_lowers_differently()
    {
        // Guards the test above: under tr-TR the culture-sensitive lower-casing of "I" is the dotless "ı".
        UnderCulture("tr-TR", () => Assert.Equal("ı", "I".ToLower(CultureInfo.CurrentCulture)));
    }

    [Fact]
    public void Diagnostics_do_not_depend_on_the_culture()
    {
        string Message() => _harness.SingleError("kind == \"ceasfire\" ").ToString();
        var invariant = Message();
        UnderCulture("tr-TR", () => Assert.Equal(invariant, Message()));
    }

    private static void UnderCulture(string name, Action action)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
