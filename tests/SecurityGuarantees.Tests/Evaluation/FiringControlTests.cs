using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

public sealed class FiringControlTests
{
    private const string Jeddah = "scenario: s\nasOf: 2025-03-12\nfacts:\n  Party:\n    - { id: UA }\n    - { id: RU }\n  Proposal:\n    - { id: p, kind: ceasefire, durationDays: 30 }\n";

    [Fact]
    public void ARuleWhoseInsertDefeatsItsOwnNot_StopsAtTheFiringLimit_NamingTheRule()
    {
        var engine = TestEngines.FromText("""
            ruleset: loop
            rules:
              - id: self-defeating
                when:
                  - not: { fact: Commitment, where: id == "x" }
                then:
                  - insert: { Commitment: { id: x, party: FR } }
            """);
        Assert.False(engine.LinkedFactsInBatches); // it reads its own insert: a feedback cycle, one firing at a time
        var e = Assert.Throws<EvaluationException>(() => engine.Evaluate(engine.ParseScenario("s.yaml", Jeddah), new EvaluationOptions { MaxFirings = 50 }));
        Assert.Equal(DiagnosticCodes.FiringLimit, e.Code);
        Assert.Equal(["self-defeating"], e.Rules);
        Assert.Contains("after 50 rule firings", e.Message);
    }

    [Fact]
    public void DivisionByZero_IsAnEvaluationError()
    {
        var engine = TestEngines.FromText("""
            ruleset: div
            rules:
              - id: divide
                when:
                  - fact: Proposal
                    where: durationDays / (durationDays - 30) > 1
                then:
                  - condition: never
            """);
        var e = Assert.Throws<EvaluationException>(() => engine.Evaluate(engine.ParseScenario("s.yaml", Jeddah)));
        Assert.Equal(DiagnosticCodes.EvaluationFault, e.Code);
        Assert.Contains("division by zero", e.Message);
    }

    [Fact]
    public void DivisionByZeroInAnIndexedLookupsOwnCondition_IsTheSameEvaluationError()
    {
        // The own-fact conjunct also filters the index (outside NRules); its failure must still surface as the rule fault.
        const string rules = """
            ruleset: div
            rules:
              - id: divide
                when:
                  - fact: Party
                    as: party
                  - fact: Proposal
                    where: id == party.id && durationDays / (durationDays - 30) > 1
                then:
                  - condition: never
            """;
        const string scenario = "scenario: s\nasOf: 2025-03-12\nfacts:\n  Party:\n    - { id: p }\n  Proposal:\n    - { id: p, kind: ceasefire, durationDays: 30 }\n";
        foreach (var indexed in new[] { true, false })
        {
            var engine = new ScenarioEngineBuilder().AddRuleText("div.yaml", "version: 1\n" + rules).WithIndexedJoins(indexed).Build();
            var e = Assert.Throws<EvaluationException>(() => engine.Evaluate(engine.ParseScenario("s.yaml", scenario)));
            Assert.Equal(DiagnosticCodes.EvaluationFault, e.Code);
            Assert.Contains("division by zero", e.Message);
        }
    }

    [Fact]
    public void InsertingAKeyTheScenarioHas_IsAnEvaluationError()
    {
        var engine = TestEngines.FromText("""
            ruleset: clash
            rules:
              - id: clash
                when:
                  - fact: Proposal
                    as: p
                then:
                  - insert: { Party: { id: UA } }
            """);
        var e = Assert.Throws<EvaluationException>(() => engine.Evaluate(engine.ParseScenario("s.yaml", Jeddah)));
        Assert.Equal(DiagnosticCodes.InsertConflictsWithScenario, e.Code);
        Assert.Equal(["clash"], e.Rules);
    }

    [Fact]
    public void HigherPriority_FiresFirst()
    {
        var engine = TestEngines.FromText("""
            ruleset: order
            rules:
              - id: low
                priority: 1
                when: [{ fact: Proposal }]
                then: [{ condition: low }]
              - id: high
                priority: 10
                when: [{ fact: Proposal }]
                then: [{ condition: high }]
              - id: middle
                priority: 5
                when: [{ fact: Proposal }]
                then: [{ condition: middle }]
            """);
        var scenario = engine.ParseScenario("s.yaml", Jeddah);
        var session = engine.CreateSession(scenario, null);
        session.Insert(scenario.Facts);
        session.SetToday(scenario.AsOf!.Value, first: true);
        session.Fire(CancellationToken.None);
        Assert.Equal(["high", "middle", "low"], session.FiringLog);
    }

    [Fact]
    public void Cancellation_StopsTheEvaluation()
    {
        var engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => engine.Evaluate(engine.ParseScenario("s.yaml", Jeddah), null, cancelled.Token));
    }
}

public sealed class FiringLimitScalingTests
{
    private const string PartyRule = """
        ruleset: census
        rules:
          - id: every-party
            when: [{ fact: Party, as: p }]
            then: [{ condition: listed, subject: "{p.id}" }]
        """;

    private static SecurityGuarantees.Scenarios.Scenario ManyParties(int count) =>
        SecurityGuarantees.Scenarios.Scenario.Create("many", Enumerable.Range(0, count).Select(i => new SecurityGuarantees.Domain.Party { Id = $"P{i}" }),
            new DateOnly(2025, 1, 1));

    [Fact]
    public void TheDefaultLimit_CountsAuthorFiringsOnly_AndGrowsWithTheScenario()
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("census.yaml", PartyRule).Build();
        var result = engine.Evaluate(ManyParties(12_000)); // 12,000 author firings (and as many engine merges) > 10,000
        Assert.Equal(12_000, result.Conditions.Count);
    }

    [Fact]
    public void AnExplicitLimit_IsUsedAsGiven()
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("census.yaml", PartyRule).WithMaxFirings(100).Build();
        Assert.Equal(100, engine.Evaluate(ManyParties(100)).Conditions.Count); // exactly the limit is fine
        var e = Assert.Throws<EvaluationException>(() => engine.Evaluate(ManyParties(101)));
        Assert.Equal(DiagnosticCodes.FiringLimit, e.Code);
    }
}
