using NRules.Diagnostics;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Compilation;

public sealed class NodeSharingTests
{
    private static int SelectionNodes(string yaml) =>
        TestEngines.FromText(yaml).Rules.SessionFactory.GetSchema().Nodes.Count(n => n.NodeType == NodeType.Selection);

    private static string TwoRules(string secondWhere) => $$"""
        ruleset: sharing
        rules:
          - id: a
            when:
              - fact: Proposal
                as: p
                where: kind == "ceasefire" && durationDays >= 30
            then: [{ condition: a }]
          - id: b
            when:
              - fact: Proposal
                as: q
                where: {{secondWhere}}
            then: [{ condition: b }]
        """;

    [Fact]
    public void IdenticalConditionsAcrossRules_ShareSelectionNodes_WhateverTheBindingName()
    {
        var shared = SelectionNodes(TwoRules("kind == \"ceasefire\" && durationDays >= 30"));
        var distinct = SelectionNodes(TwoRules("kind == \"truce\" && durationDays >= 31"));
        Assert.Equal(distinct - 2, shared);
    }

    [Fact]
    public void ASharedPrefix_SharesItsNode()
    {
        var prefix = SelectionNodes(TwoRules("kind == \"ceasefire\" && durationDays >= 31"));
        var none = SelectionNodes(TwoRules("kind == \"truce\" && durationDays >= 31"));
        Assert.Equal(none - 1, prefix);
    }
}
