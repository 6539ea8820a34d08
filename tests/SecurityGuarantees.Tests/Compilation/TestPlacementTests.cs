using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Tests.Compilation;

/// <summary>
/// Pure tests (not:, exists:, any: of those) go into the network right after the last element binding a name they read;
/// everything else keeps its written order.
/// </summary>
public sealed class TestPlacementTests
{
    private static IReadOnlyList<ElementSyntax> When(string when)
    {
        var yaml = "version: 1\nruleset: t\nrules:\n  - id: r\n    when:\n" + string.Join('\n', when.Split('\n').Select(l => "      " + l))
            + "\n    then:\n      - condition: c\n";
        var diagnostics = new DiagnosticBag();
        var rules = RuleFileLoader.Load("t.yaml", yaml, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items.Select(d => d.Message)));
        return rules!.Rules.Single().When;
    }

    private static string Describe(ElementSyntax element) => element switch
    {
        PatternSyntax p => p.As?.Text ?? p.FactType.Text,
        NotSyntax n => "not " + Describe(n.Element),
        ExistsSyntax e => "exists " + Describe(e.Element),
        AnySyntax => "any",
        AllSyntax => "all",
        EachSyntax e => "each " + e.As.Text,
        CountSyntax c => "count " + (c.As?.Text ?? ""),
        _ => "?",
    };

    private static string[] Order(string when) => [.. TestPlacement.Order(When(when)).Select(Describe)];

    [Fact]
    public void ATestOfTodayWrittenAfterAnUnrelatedPattern_GoesRightAfterToday()
    {
        Assert.Equal(["today", "any", "t"], Order("""
            - fact: Today
              as: today
            - fact: Proposal
              as: t
              where: kind == "truce"
            - any:
                - exists:
                    fact: Proposal
                    where: kind == "ceasefire" && (ends == null || today.date <= ends)
                - not:
                    fact: Position
                    where: stance == "accepted"
            """));
    }

    [Fact]
    public void ATestReadingALaterBinding_StaysAfterIt_AndTestsKeepTheirOrder()
    {
        Assert.Equal(["p", "not Position", "exists Term", "pos", "not Demand"], Order("""
            - fact: Proposal
              as: p
            - fact: Position
              as: pos
              where: proposal == p.id
            - not:
                fact: Position
                where: proposal == p.id && party == "RU"
            - exists:
                fact: Term
                where: proposal == p.id
            - not:
                fact: Demand
                where: holder == pos.party
            """));
    }

    [Fact]
    public void ATestReadingNoBinding_GoesFirst_AndPatternsKeepTheirOrder()
    {
        Assert.Equal(["not Observation", "b", "a"], Order("""
            - fact: Party
              as: b
            - fact: Party
              as: a
              where: id != b.id
            - not:
                fact: Observation
            """));
    }

    [Fact]
    public void AnAnyThatBindsAFact_IsNotATest_AndStaysWhereItIs()
    {
        Assert.Equal(["today", "t", "any"], Order("""
            - fact: Today
              as: today
            - fact: Proposal
              as: t
            - any:
                - fact: Proposal
                  as: offer
                  where: start <= today.date
                - fact: Position
                  as: offer
            """));
    }
}
