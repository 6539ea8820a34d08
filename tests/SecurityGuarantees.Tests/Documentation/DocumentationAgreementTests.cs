using System.Text.RegularExpressions;
using SecurityGuarantees.Domain;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Documentation;

/// <summary>The docs say what the tools do: the rule and condition counts, and what each shipped condition needs.</summary>
public sealed partial class DocumentationAgreementTests
{
    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    private static IReadOnlyList<string> Derived(string kind) =>
        [.. Directory.GetFiles(TestPaths.Repo("rules"), "*.yaml")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), $@"^\s*- {kind}: ([a-z0-9-]+)\s*$", RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void RuleAndConditionCounts_AreSaidOneWay_AsTheToolsCountThem()
    {
        var sentence = $"{BuiltIn.RuleIds.Count} rules deriving {Derived("condition").Count} conditions and {Derived("nextStep").Count} next steps";
        var readme = File.ReadAllText(TestPaths.Repo("README.md"));
        var domain = File.ReadAllText(TestPaths.Repo("docs/domain.md"));

        Assert.Contains(sentence, readme.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"**{BuiltIn.RuleIds.Count} rules**", domain, StringComparison.Ordinal);
        Assert.Contains($"**{Derived("condition").Count}\nconditions**", domain.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"**{Derived("nextStep").Count} next steps**", domain, StringComparison.Ordinal);
        var counts = MarkdownSnippets.Files.SelectMany(f => ShippedRuleCount().Matches(File.ReadAllText(TestPaths.Repo(f))).Select(m => $"{f}: {m.Value}"));
        Assert.All(counts, c => Assert.EndsWith($": {BuiltIn.RuleIds.Count} built-in rules", c, StringComparison.Ordinal));
    }

    [Fact]
    public void DomainDoc_SaysForEveryShippedCondition_WhatAnAuthorMayForget()
    {
        var domain = File.ReadAllText(TestPaths.Repo("docs/domain.md"));
        var section = domain[domain.IndexOf("## Facts an author may forget", StringComparison.Ordinal)..domain.IndexOf("## Encoding the record", StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        var documented = rows.SelectMany(r => ConditionIds().Matches(r.Split('|')[1]).Select(m => m.Groups[1].Value)).Order(StringComparer.Ordinal);
        Assert.Equal(Derived("condition"), documented);
    }

    [Fact]
    public void APartialCeasefire_CountsTowardsCeasefireInForce_OnlyWithItsBelligerentsNamed()
    {
        // What docs/domain.md says an author may forget, checked on the real engine.
        Party[] parties = [new() { Id = "UA", Roles = [PartyRole.Belligerent] }, new() { Id = "RU", Roles = [PartyRole.Belligerent] }];
        Position[] accepted = [
            new() { Proposal = "energy", Party = "UA", Stance = Stance.Accepted },
            new() { Proposal = "energy", Party = "RU", Stance = Stance.Accepted },
        ];
        var named = new Proposal { Id = "energy", Kind = ProposalKind.PartialCeasefire, Mutual = true, ProposedBy = ["US"], Addressees = ["UA", "RU"] };
        var unnamed = named with { Addressees = [] };
        var asOf = new DateOnly(2025, 3, 20);

        var withBelligerents = BuiltIn.Evaluate(Scenario.Create("named", [.. parties, named, .. accepted], asOf));
        var withoutThem = BuiltIn.Evaluate(Scenario.Create("unnamed", [.. parties, unnamed, .. accepted], asOf));
        var withoutParties = BuiltIn.Evaluate(Scenario.Create("no-parties", [named, .. accepted], asOf));

        Assert.Contains(withBelligerents.Conditions, c => c.Id == "ceasefire-in-force" && c.Subject == "energy");
        Assert.DoesNotContain(withoutThem.Conditions, c => c.Id == "ceasefire-in-force");
        Assert.DoesNotContain(withoutParties.Conditions, c => c.Id == "ceasefire-in-force");
    }

    [GeneratedRegex(@"\b\d+ (shipped|built-in) rules\b")]
    private static partial Regex ShippedRuleCount();

    [GeneratedRegex(@"`([a-z0-9-]+)`")]
    private static partial Regex ConditionIds();
}
