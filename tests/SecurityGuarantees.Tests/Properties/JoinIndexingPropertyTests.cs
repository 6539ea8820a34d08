using System.Text;
using CsCheck;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Properties;

/// <summary>
/// Random rule sets over random scenarios: compiled with indexed equi-joins and without (NRules' own joins), they must
/// conclude exactly the same, justifications included (byte-identical JSON reports).
/// </summary>
public sealed class JoinIndexingPropertyTests
{
    private static readonly string[] Parties = ["UA", "RU", "US", "EU"];
    private static readonly string[] Stances = ["accepted", "conditional", "pending", "rejected"];
    private static readonly string[] Kinds = ["ceasefire", "truce", "memorandum"];

    /// <summary>One random rule: a proposal filter, one or two joined positions (equi-joins on the proposal id), maybe a 'not:'.</summary>
    private static readonly Gen<string> Rule = Gen.Select(
        Gen.OneOf(Kinds),
        Gen.Bool,
        Gen.Select(Gen.OneOf(Parties), Gen.OneOf(Stances)).Array[1, 2],
        Gen.Select(Gen.OneOf(Parties), Gen.Bool).Array[0, 1],
        (kind, mutual, joins, nots) =>
        {
            var text = new StringBuilder();
            text.Append("    when:\n      - fact: Proposal\n        as: p\n        where: kind == \"").Append(kind).Append('"');
            text.Append(mutual ? " || mutual\n" : "\n");
            for (var i = 0; i < joins.Length; i++)
            {
                var (party, stance) = joins[i];
                text.Append("      - fact: Position\n        as: x").Append(i).Append("\n        where: proposal == p.id && party == \"").Append(party)
                    .Append("\" && stance == \"").Append(stance).Append("\"\n");
            }

            foreach (var (party, anyStance) in nots)
            {
                text.Append("      - not:\n          fact: Position\n          where: proposal == p.id && party == \"").Append(party).Append('"')
                    .Append(anyStance ? "\n" : " && stance == \"rejected\"\n");
            }

            return text.ToString();
        });

    private static readonly Gen<string> RuleSet = Rule.Array[1, 5].Select(rules =>
    {
        var text = new StringBuilder("ruleset: random\nrules:\n");
        for (var i = 0; i < rules.Length; i++)
        {
            text.Append("  - id: r").Append(i).Append('\n').Append(rules[i])
                .Append("    then:\n      - condition: c").Append(i % 3).Append("\n        subject: \"{p.id}\"\n");
        }

        return text.ToString();
    });

    private static readonly Gen<string> Scenario = Gen.Select(
        Gen.Select(Gen.OneOf(Kinds), Gen.Bool).Array[1, 3],
        Gen.Select(Gen.Int[0, 2], Gen.OneOf(Parties), Gen.OneOf(Stances)).Array[8, 30],
        (proposals, positions) =>
        {
            var text = new StringBuilder("scenario: random\nasOf: 2025-03-12\nfacts:\n  Proposal:\n");
            for (var i = 0; i < proposals.Length; i++)
            {
                text.Append("    - { id: p").Append(i).Append(", kind: ").Append(proposals[i].Item1).Append(", mutual: ")
                    .Append(proposals[i].Item2 ? "true" : "false").Append(", title: t }\n");
            }

            RandomScenarioText.AppendPositions(text, proposals.Length, positions);
            return text.ToString();
        });

    [Fact]
    public void RandomRuleSets_WithAndWithoutIndexedJoins_ConcludeTheSame()
    {
        var concluding = 0;
        Gen.Select(RuleSet, Scenario).Sample((rules, scenario) =>
        {
            var indexed = new ScenarioEngineBuilder().AddRuleText("random.yaml", rules).WithIndexedJoins(true).Build();
            var plain = new ScenarioEngineBuilder().AddRuleText("random.yaml", rules).WithIndexedJoins(false).Build();
            var expected = JsonReportWriter.ToJson(plain.Evaluate(plain.ParseScenario("random.yaml", scenario)));
            var actual = JsonReportWriter.ToJson(indexed.Evaluate(indexed.ParseScenario("random.yaml", scenario)));
            Assert.Equal(expected, actual);
            if (!expected.Contains("\"conditions\":[]", StringComparison.Ordinal))
            {
                concluding++;
            }
        }, iter: 180, threads: 1, print: t => t.Item1 + "\n---\n" + t.Item2);

        // The property says something only if the random rules do conclude now and then. Few proposals and many positions
        // keep that likely (13-17 of 60 in trials): with six proposals, up to twenty positions and three joins a run
        // of 60 fell below the bar now and then. Later trials read 7-19 of 60 (a fifth on average) and one run 4, below
        // the bar of a tenth: 180 rule sets keep the same bar of a tenth with a chance of missing it by luck under 1 in 1,000.
        Assert.True(concluding >= 18, $"only {concluding} of 180 random rule sets concluded anything");
    }
}
