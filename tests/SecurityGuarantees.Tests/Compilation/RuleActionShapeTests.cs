using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Compilation;

/// <summary>
/// What a rule compiles to around its action, for speed, without changing any output: the action takes the rule's
/// declarations as parameters (NRules fills them from the matched tuple) unless there are more than a delegate takes; a
/// merge rule exists only for a conclusion type some action states through supports; and the results tracker watches
/// inserts from the first firing (before it, no insert can be a result).
/// </summary>
public sealed class RuleActionShapeTests
{
    private const string AllDirect = """
        version: 1
        ruleset: r
        rules:
          - id: pending
            when:
              - fact: Proposal
                as: p
                where: kind == "ceasefire"
              - fact: Position
                as: ua
                where: proposal == p.id && party == "UA" && stance == "accepted"
              - not:
                  fact: Position
                  where: proposal == p.id && party == "RU" && stance == "accepted"
            then:
              - condition: pending
                subject: "{p.id}"
                text: "{ua.party} accepted {p.title}"
          - id: press
            when:
              - fact: Condition
                as: c
                where: id == "pending"
            then:
              - nextStep: press
                actor: RU
                subject: "{c.subject}"
        """;

    private const string Steps = """
        scenario: s
        asOf: 2025-03-11
        facts:
          Proposal:
            - { id: a, kind: ceasefire, title: Jeddah }
            - { id: b, kind: ceasefire, title: Paris }
          Position:
            - { proposal: a, party: UA, stance: accepted }
            - { proposal: b, party: UA, stance: accepted }
        timeline:
          - on: 2025-03-12
            insert:
              Position:
                - { proposal: a, party: RU, stance: accepted }
          - on: 2025-03-13
            update:
              Position:
                - { proposal: a, party: RU, stance: rejected }
          - on: 2025-03-14
            retract:
              Proposal:
                - { id: b }
        """;

    private static ScenarioEngine Engine(bool direct) =>
        new ScenarioEngineBuilder().WithDirectConclusions(direct).AddRuleText("r.yaml", AllDirect).Build();

    [Fact]
    public void ActionsTakeTheirDeclarations_UpToFifteen()
    {
        var engine = Engine(direct: true);
        Assert.Equal(["p", "ua"], engine.Rules.FindRule("pending")!.Action!.DeclarationNames!); // not:'s binding stays inside
        var wide = new ScenarioEngineBuilder().AddRuleText("w.yaml", WideRule(16)).Build();
        Assert.Null(wide.Rules.FindRule("wide")!.Action!.DeclarationNames); // reads the match instead
        var fifteen = new ScenarioEngineBuilder().AddRuleText("w.yaml", WideRule(15)).Build();
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"p{i}"), fifteen.Rules.FindRule("wide")!.Action!.DeclarationNames!);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    public void AWideRule_ConcludesWithEveryFactInItsJustification(int patterns)
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("w.yaml", WideRule(patterns)).Build();
        var parties = string.Join("\n", Enumerable.Range(0, patterns).Select(i => $"    - {{ id: P{i:00}, name: Party {i} }}"));
        var scenario = engine.ParseScenario("s.yaml", $"""
            scenario: s
            asOf: 2025-03-12
            facts:
              Party:
            {parties}
            """);
        var condition = Assert.Single(engine.Evaluate(scenario).Conditions);
        Assert.Equal("P00-P" + (patterns - 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), condition.Subject);
        Assert.Equal(Enumerable.Range(0, patterns).Select(i => $"P{i:00}"),
            Assert.Single(condition.Justifications).Because.Select(b => b.Key));
    }

    [Fact]
    public void AllDirect_NoMergeRule_AndTheSameOutputAsThroughSupports()
    {
        var direct = Engine(direct: true);
        var supported = Engine(direct: false);
        Assert.DoesNotContain(direct.Rules.Definitions, d => d.Name.StartsWith(ConclusionMergeRules.NamePrefix, StringComparison.Ordinal));
        Assert.Contains(supported.Rules.Definitions, d => d.Name == ConclusionMergeRules.NamePrefix + "Condition");
        Assert.Contains(supported.Rules.Definitions, d => d.Name == ConclusionMergeRules.NamePrefix + "NextStep");

        var timeline = TimelineJsonWriter.ToJson(direct.RunTimeline(direct.ParseTimeline("t.yaml", Steps)));
        Assert.Equal(TimelineJsonWriter.ToJson(supported.RunTimeline(supported.ParseTimeline("t.yaml", Steps))), timeline);
        Assert.Contains("\"press\"", timeline, StringComparison.Ordinal);
        Assert.Contains("Jeddah", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void OneTypeThroughSupports_KeepsItsMergeRuleOnly()
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", AllDirect + """

              - id: pending-again
                when:
                  - fact: Proposal
                    as: p
                    where: title == "Paris"
                then:
                  - condition: pending
                    subject: "{p.id}"
            """).Build();
        Assert.Contains(engine.Rules.Definitions, d => d.Name == ConclusionMergeRules.NamePrefix + "Condition");
        Assert.DoesNotContain(engine.Rules.Definitions, d => d.Name == ConclusionMergeRules.NamePrefix + "NextStep");
        var result = engine.Evaluate(engine.ParseScenario("s.yaml", Steps));
        Assert.Equal(2, Assert.Single(result.Conditions, c => c.Subject == "b").Justifications.Count);
        Assert.Equal(["a", "b"], result.NextSteps.Select(s => s.Subject));
    }

    [Fact]
    public void AScenarioBuiltInCode_CannotHoldAConclusion_SoNoInsertBeforeTheFirstFiringIsAResult()
    {
        var engine = Engine(direct: true);
        var refused = Assert.Throws<ArgumentException>(() =>
            engine.Evaluate(Scenario.Create("s", [new Condition { Id = "pending", Subject = "x" }], new DateOnly(2025, 3, 12))));
        Assert.Contains("not a registered scenario fact type", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>One rule matching <paramref name="patterns"/> parties P00, P01, … by id.</summary>
    private static string WideRule(int patterns)
    {
        var when = string.Join("\n", Enumerable.Range(0, patterns).Select(i => $"""
                  - fact: Party
                    as: p{i}
                    where: id == "P{i:00}"
            """));
        return $"""
            version: 1
            ruleset: w
            rules:
              - id: wide
                when:
            {when}
                then:
                  - condition: wide
                    subject: "{"{"}p0.id{"}"}-{"{"}p{patterns - 1}.id{"}"}"
            """;
    }
}
