using SecurityGuarantees.Reporting;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>
/// <c>each:</c> over a list field while the list's fact changes (items added, removed, duplicated, the list emptied) and
/// while the element before it arrives one firing at a time: every step equals a from-scratch evaluation of its facts.
/// </summary>
public sealed class EachTruthMaintenanceTests
{
    private const string Rules = """
        version: 1
        ruleset: each
        rules:
          - id: offered
            when:
              - fact: Proposal
                as: p
                where: kind == "ceasefire"
            then:
              - condition: offered
                subject: "{p.id}"
          - id: answer
            when:
              - fact: Condition
                as: c
                where: id == "offered"
              - fact: Proposal
                as: p
                where: id == c.subject
              - each: p.proposedBy
                as: proposer
            then:
              - nextStep: follow-up
                actor: "{proposer}"
                subject: "{p.id}"
                text: "{p.title}"
        """;

    private const string Timeline = """
        version: 1
        scenario: each-tm
        asOf: 2025-03-11
        facts:
          Proposal:
            - { id: a, kind: ceasefire, title: A, proposedBy: [US, UA] }
            - { id: b, kind: ceasefire, title: B, proposedBy: [US, US] }
            - { id: c, kind: truce, title: C, proposedBy: [RU] }
        timeline:
          - on: 2025-03-12
            update:
              Proposal:
                - { id: a, kind: ceasefire, title: A2, proposedBy: [UA, GB] }
          - on: 2025-03-13
            update:
              Proposal:
                - { id: b, kind: ceasefire, title: B, proposedBy: [] }
                - { id: c, kind: ceasefire, title: C, proposedBy: [RU, RU, FR] }
          - on: 2025-03-14
            retract:
              Proposal:
                - { id: a }
        """;

    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRuleText("each.yaml", Rules).Build();

    private static string[] Steps(Results.EvaluationResult result) =>
        [.. result.NextSteps.Select(n => $"{n.Actor} {n.Subject} {n.Text}").Order(StringComparer.Ordinal)];

    [Fact]
    public void OnlyRulesWithEach_PutTheEachSourceInTheSession()
    {
        Assert.True(Engine.Rules.ReadsEachSource);
        Assert.True(new ScenarioEngineBuilder().Build().Rules.ReadsEachSource); // ceasefire-pending.convey-offer
        var without = new ScenarioEngineBuilder().AddRuleText("plain.yaml", """
            ruleset: plain
            rules:
              - id: offered
                when:
                  - fact: Proposal
                    as: p
                then:
                  - condition: offered
                    subject: "{p.id}"
            """).Build();
        Assert.False(without.Rules.ReadsEachSource);
    }

    [Fact]
    public void EveryStep_FollowsTheLists_AndTheLastEqualsAFromScratchEvaluation()
    {
        var timeline = Engine.ParseTimeline("each-tm.yaml", Timeline);
        var result = Engine.RunTimeline(timeline);
        Assert.Equal(["UA a A", "US a A", "US b B"], Steps(result.Initial)); // a duplicated item counts once
        Assert.Equal(["GB a A2", "UA a A2", "US b B"], Steps(result.Steps[0].State));
        Assert.Contains(result.Steps[0].Changed.NextSteps, n => n.Actor == "UA" && n.Text == "A2");
        Assert.Equal(["FR c C", "GB a A2", "RU c C", "UA a A2"], Steps(result.Steps[1].State)); // b's list emptied
        Assert.Equal(["FR c C", "RU c C"], Steps(result.Steps[2].State));

        var scratch = Engine.Evaluate(Scenario.Create(timeline.Scenario.Id, timeline.FinalFacts, timeline.Steps[^1].On));
        Assert.Equal(JsonReportWriter.ToJson(scratch), JsonReportWriter.ToJson(result.Final));
    }
}
