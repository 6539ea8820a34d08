using SecurityGuarantees.Explanations;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Compilation;

/// <summary>
/// Conclusions that can only ever have one support are linked directly, without a support fact and the merge rule
/// (<see cref="SecurityGuarantees.Compilation.DirectConclusionPlanner"/>). Which ones qualify, and that nothing an author
/// sees changes: results, timelines, explanations and why-not are byte-identical with the shortcut on and off.
/// </summary>
public sealed class DirectConclusionTests : SwitchEquivalenceTests
{
    private static readonly ScenarioEngine DirectOn = new ScenarioEngineBuilder().WithDirectConclusions(true).Build();
    private static readonly ScenarioEngine DirectOff = new ScenarioEngineBuilder().WithDirectConclusions(false).Build();

    private protected override ScenarioEngine On => DirectOn;

    private protected override ScenarioEngine Off => DirectOff;

    private protected override string[] WhyNotRules =>
        ["ceasefire-pending", "credibility-gap", "guarantee-dormant", "demand-conflicts-with-first-guarantee.reject-demand"];

    private static bool Direct(ScenarioEngine engine, string rule, int action = 0) => engine.Rules.FindRule(rule)!.Action!.Direct[action];

    [Fact]
    public void BuiltInRules_DirectWhereTheActivationIsAFunctionOfTheConclusionsKey()
    {
        // subject {p.id} fixes p; proposal == p.id and party == "UA" fix the Position's key.
        Assert.True(Direct(DirectOn, "ceasefire-pending", 0));
        Assert.True(Direct(DirectOn, "ceasefire-pending", 1));
        // actor {pr.holder} and id == "army-first-guarantee" fix the Principle; subject {c.subject} and the id fix c.
        Assert.True(Direct(DirectOn, "demand-conflicts-with-first-guarantee.reject-demand"));
        Assert.True(Direct(DirectOn, "credibility-gap")); // only exists: and not: -> one activation
        // One condition per proposal, a justification per matching demand.
        Assert.False(Direct(DirectOn, "conditions-added"));
        // One next step per party, a justification per commitment of that party (the commitment's key is its id).
        Assert.False(Direct(DirectOn, "credibility-gap.seek-us-backstop"));
        // Two rules state army-cap-contested.
        Assert.False(Direct(DirectOn, "army-cap-contested"));
        Assert.False(Direct(DirectOn, "army-cap-contested.demand"));
        // each: is not analysed.
        Assert.False(Direct(DirectOn, "ceasefire-pending.convey-offer"));
        Assert.False(Direct(DirectOff, "ceasefire-pending"));
    }

    [Fact]
    public void AKeyTemplateThatIsNotAKeyField_IsNotDirect()
    {
        var engine = new ScenarioEngineBuilder().WithDirectConclusions(true).AddRuleText("r.yaml", """
            version: 1
            ruleset: r
            rules:
              - id: by-title
                when:
                  - fact: Proposal
                    as: p
                then:
                  - condition: titled
                    subject: "{p.title}"
              - id: by-id
                when:
                  - fact: Proposal
                    as: p
                then:
                  - condition: identified
                    subject: "{p.id}"
            """).Build();
        Assert.False(Direct(engine, "by-title")); // two proposals can share a title: two supports of one condition
        Assert.True(Direct(engine, "by-id"));
        var scenario = engine.ParseScenario("s.yaml", """
            scenario: s
            asOf: 2025-03-12
            facts:
              Proposal:
                - { id: a, kind: ceasefire, title: Same }
                - { id: b, kind: ceasefire, title: Same }
            """);
        var titled = Assert.Single(engine.Evaluate(scenario).Conditions, c => c.Id == "titled");
        Assert.Equal(2, titled.Justifications.Count);
    }

    [Fact]
    public void ACount_AddsNoSecondActivation_SoItsConclusionIsDirect()
    {
        const string rules = """
            version: 1
            ruleset: r
            rules:
              - id: coalition
                when:
                  - count: Commitment
                    where: kind == "reassurance-force"
                    distinct: party
                    atLeast: 2
                then:
                  - condition: coalition-formed
                    subject: reassurance-force
              - id: backers
                when:
                  - fact: Party
                    as: p
                  - count: Commitment
                    where: party == p.id
                    as: n
                    atLeast: 1
                then:
                  - condition: committed
                    subject: "{p.id}"
                    text: "{n} commitments"
            """;
        const string scenario = """
            scenario: s
            asOf: 2025-03-12
            facts:
              Party:
                - { id: FR }
                - { id: GB }
                - { id: DE }
              Commitment:
                - { id: c1, party: FR, kind: reassurance-force }
                - { id: c2, party: GB, kind: reassurance-force }
                - { id: c3, party: GB, kind: air-policing }
            """;
        var on = new ScenarioEngineBuilder().WithDirectConclusions(true).AddRuleText("r.yaml", rules).Build();
        var off = new ScenarioEngineBuilder().WithDirectConclusions(false).AddRuleText("r.yaml", rules).Build();
        Assert.True(Direct(on, "coalition"));
        Assert.True(Direct(on, "backers"));
        var json = JsonReportWriter.ToJson(on.Evaluate(on.ParseScenario("s.yaml", scenario)));
        Assert.Equal(JsonReportWriter.ToJson(off.Evaluate(off.ParseScenario("s.yaml", scenario))), json);
        Assert.Contains("\"2 commitments\"", json, StringComparison.Ordinal);
        Assert.Contains("coalition-formed", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenarios/jeddah.yaml")]
    [InlineData("scenarios/constructs.yaml")]
    public void FixtureScenario_SameJson(string scenario)
    {
        var path = TestPaths.Fixture(scenario);
        SameOutput.ForScenario(Off, On, path);
    }
}
