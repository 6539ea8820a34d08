using SecurityGuarantees.Domain;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>
/// Several rules (and several matches of one rule) stating one condition: the result has the highest severity, the
/// sorted union of parties, the text of the highest-priority rule (ties: the smaller rule id, then the facts of the
/// supports, never the order they arrived in) and every justification.
/// </summary>
public sealed class ConclusionMergeTests
{
    private const string Rules = """
        version: 1
        ruleset: merge
        rules:
          - id: z-per-party
            priority: 5
            when:
              - fact: Party
                as: p
                where: id != "UA"
            then:
              - condition: noted
                subject: all
                parties: ["{p.id}"]
                severity: info
                text: "per party"
          - id: b-ukraine
            priority: 5
            when:
              - fact: Party
                as: p
                where: id == "UA"
            then:
              - condition: noted
                subject: all
                parties: ["UA", "AA"]
                severity: critical
                text: "ukraine"
          - id: a-low
            priority: 1
            when:
              - fact: Party
                as: p
                where: id == "RU"
            then:
              - condition: noted
                subject: all
                parties: ["RU"]
                severity: warning
                text: "low priority"
        """;

    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRuleText("merge.yaml", Rules).Build();

    private static Scenario Parties(params string[] ids) =>
        Scenario.Create("merge", [.. ids.Select(id => new Party { Id = id, Name = id })], new DateOnly(2025, 3, 12));

    [Fact]
    public void ManySupports_HighestSeverity_SortedUnionOfParties_TextOfTheWinningRule()
    {
        var noted = Assert.Single(Engine.Evaluate(Parties("US", "UA", "RU", "GB", "FR")).Conditions);
        Assert.Equal(Severity.Critical, noted.Severity);
        Assert.Equal(["AA", "FR", "GB", "RU", "UA", "US"], noted.Parties);
        Assert.Equal("ukraine", noted.Text); // priority 5 beats 1; between the two priority-5 rules 'b-ukraine' < 'z-per-party'
        Assert.Equal(["a-low", "b-ukraine", "z-per-party", "z-per-party", "z-per-party", "z-per-party"], noted.Justifications.Select(j => j.Rule));
    }

    [Fact]
    public void OneSupport_TheConclusionAsTheRuleStatesIt()
    {
        var noted = Assert.Single(Engine.Evaluate(Parties("UA")).Conditions);
        Assert.Equal(Severity.Critical, noted.Severity);
        Assert.Equal(["AA", "UA"], noted.Parties); // a rule's own parties are sorted too
        Assert.Equal("ukraine", noted.Text);
    }

    [Fact]
    public void LowerPriorityOnly_SeverityStillTheHighest()
    {
        var noted = Assert.Single(Engine.Evaluate(Parties("RU", "GB")).Conditions);
        Assert.Equal(Severity.Warning, noted.Severity);
        Assert.Equal(["GB", "RU"], noted.Parties);
        Assert.Equal("per party", noted.Text);
    }

    [Fact]
    public void SupportsGoingAndChanging_TheMergeFollows_AsAFromScratchEvaluationWouldGiveIt()
    {
        const string yaml = """
            version: 1
            scenario: merge
            asOf: 2025-03-12
            facts:
              Party:
                - { id: UA, name: Ukraine }
                - { id: RU, name: Russia }
                - { id: GB, name: United Kingdom }
            timeline:
              - on: 2025-03-13
                retract:
                  Party:
                    - { id: UA }
              - on: 2025-03-14
                insert:
                  Party:
                    - { id: FR, name: France }
              - on: 2025-03-15
                retract:
                  Party:
                    - { id: RU }
                    - { id: GB }
              - on: 2025-03-16
                retract:
                  Party:
                    - { id: FR }
            """;
        var timeline = Engine.RunTimeline(Engine.ParseTimeline("merge.yaml", yaml));
        Assert.Equal("ukraine", Assert.Single(timeline.Initial.Conditions).Text);

        var afterUkraine = Assert.Single(timeline.Steps[0].State.Conditions); // the winner went: the next rule's text
        Assert.Equal(("per party", Severity.Warning), (afterUkraine.Text, afterUkraine.Severity));
        Assert.Equal(["GB", "RU"], afterUkraine.Parties);
        Assert.Equal(["GB", "RU"], Evaluate("RU", "GB").Parties);

        Assert.Equal(["FR", "GB", "RU"], Assert.Single(timeline.Steps[1].State.Conditions).Parties);
        var single = Assert.Single(timeline.Steps[2].State.Conditions); // one support left: as its rule states it
        Assert.Equal((Severity.Info, "per party"), (single.Severity, single.Text));
        Assert.Equal(["FR"], single.Parties);
        Assert.Empty(timeline.Steps[3].State.Conditions); // the last support went
    }

    private static Results.ConditionResult Evaluate(params string[] parties) => Assert.Single(Engine.Evaluate(Parties(parties)).Conditions);

    [Fact]
    public void TwoMatchesOfOneRule_TheTextFollowsTheirFacts_SoATimelineEndsAsAFreshEvaluation()
    {
        // Both matches state the same condition with their own text: the one with the ordinally smaller facts wins
        // (cf-a/RU), whichever fired first. A timeline re-fires UA's match last; a fresh evaluation fires them in file order.
        var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", """
            version: 1
            ruleset: r
            rules:
              - id: accepted-by
                when:
                  - fact: Position
                    as: pos
                    where: stance == "accepted"
                then:
                  - condition: accepted
                    subject: "{pos.proposal}"
                    text: "accepted by {pos.party}"
                    parties: ["{pos.party}"]
            """).Build();
        var timeline = engine.ParseTimeline("t.yaml", """
            scenario: t
            asOf: 2025-03-11
            facts:
              Party:
                - { id: UA, name: Ukraine }
                - { id: RU, name: Russia }
              Proposal:
                - { id: cf-a, kind: ceasefire, title: Ceasefire A }
              Position:
                - { proposal: cf-a, party: UA, stance: accepted }
                - { proposal: cf-a, party: RU, stance: accepted }
            timeline:
              - on: 2025-03-12
                update:
                  Position:
                    - { proposal: cf-a, party: UA, stance: pending }
              - on: 2025-03-13
                update:
                  Position:
                    - { proposal: cf-a, party: UA, stance: accepted }
            """);
        var result = engine.RunTimeline(timeline);
        Assert.Equal("accepted by RU", Assert.Single(result.Final.Conditions).Text);
        TimelineAssert.FinalEqualsFreshEvaluation(engine, timeline, result);
    }
}
