using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>
/// Rules without a feedback cycle propagate the facts they link in batches, once the agenda is empty
/// (<see cref="SecurityGuarantees.RuleGraphs.FeedbackCycles"/>); nothing an author sees changes: every example scenario
/// and timeline gives byte-identical output either way. Rules with a cycle keep NRules' one-firing-at-a-time order.
/// </summary>
public sealed class LinkedFactBatchTests : SwitchEquivalenceTests
{
    private static readonly ScenarioEngine BatchesOn = new ScenarioEngineBuilder().WithLinkedFactsInBatches(true).Build();
    private static readonly ScenarioEngine BatchesOff = new ScenarioEngineBuilder().WithLinkedFactsInBatches(false).Build();

    private const string Jeddah = "scenario: s\nasOf: 2025-03-12\nfacts:\n  Party:\n    - { id: UA }\n    - { id: RU }\n"
        + "  Proposal:\n    - { id: p, kind: ceasefire, durationDays: 30 }\n    - { id: q, kind: truce, durationDays: 10 }\n";

    private const string ChainRules = """
        ruleset: chain
        rules:
          - id: proposed
            when:
              - fact: Proposal
                as: p
            then:
              - condition: proposed
                subject: "{p.id}"
          - id: open
            when:
              - fact: Condition
                as: c
                where: id == "proposed"
              - not: { fact: Condition, where: id == "short" && subject == c.subject }
            then:
              - condition: open
                subject: "{c.subject}"
          - id: short
            when:
              - fact: Proposal
                as: p
                where: durationDays < 20
            then:
              - condition: short
                subject: "{p.id}"
          - id: any-open
            when:
              - exists: { fact: Condition, where: id == "open" }
            then:
              - nextStep: review
                actor: UA
        """;

    private protected override ScenarioEngine On => BatchesOn;

    private protected override ScenarioEngine Off => BatchesOff;

    private protected override string[] WhyNotRules =>
        ["ceasefire-pending", "ceasefire-pending.convey-offer", "credibility-gap", "proposal-expired.seek-renewal"];

    private static ScenarioEngine Build(string rules, bool batches = true) =>
        new ScenarioEngineBuilder().AddRuleText("r.yaml", rules).WithLinkedFactsInBatches(batches).Build();

    [Fact]
    public void BuiltInRules_HaveNoFeedbackCycle_SoTheyRunInBatches()
    {
        Assert.True(BatchesOn.LinkedFactsInBatches);
        Assert.False(BatchesOff.LinkedFactsInBatches);
    }

    [Theory]
    [InlineData("examples/aggregates/rules", "examples/aggregates/2025-army-caps.yaml")]
    [InlineData("examples/declared-types/rules", "examples/declared-types/2025-sanctions.yaml")]
    public void ExampleRuleSets_HaveNoFeedbackCycle_AndConcludeTheSameEitherWay(string rules, string scenario)
    {
        var batched = new ScenarioEngineBuilder().AddRules(TestPaths.Repo(rules)).WithLinkedFactsInBatches(true).Build();
        var stepwise = new ScenarioEngineBuilder().AddRules(TestPaths.Repo(rules)).WithLinkedFactsInBatches(false).Build();
        Assert.True(batched.LinkedFactsInBatches);
        SameOutput.ForScenario(stepwise, batched, TestPaths.Repo(scenario));
    }

    [Fact]
    public void AChainOfConclusions_WithNot_IsNoCycle_AndConcludesTheSameEitherWay()
    {
        var rules = ChainRules;
        var batched = Build(rules);
        var stepwise = Build(rules, batches: false);
        Assert.True(batched.LinkedFactsInBatches);
        var expected = JsonReportWriter.ToJson(stepwise.Evaluate(stepwise.ParseScenario("s.yaml", Jeddah)));
        var actual = JsonReportWriter.ToJson(batched.Evaluate(batched.ParseScenario("s.yaml", Jeddah)));
        Assert.Equal(expected, actual);
        Assert.Contains("\"id\":\"open\",\"subject\":\"p\"", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"open\",\"subject\":\"q\"", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreMatchesThanOneBatchHolds_ConcludeTheSame()
    {
        // 2,500 proposals: the first rule's matches fill more than one batch, and the chained rules read conclusions of both.
        Assert.True(2_500 > ScenarioSession.FiringsPerBatch);
        var text = new System.Text.StringBuilder("scenario: many\nasOf: 2025-03-12\nfacts:\n  Proposal:\n");
        for (var i = 0; i < 2_500; i++)
        {
            text.Append("    - { id: p").Append(i).Append(", kind: ceasefire, durationDays: ").Append(i % 3 == 0 ? 10 : 30).Append(" }\n");
        }

        var batched = Build(ChainRules);
        var stepwise = Build(ChainRules, batches: false);
        var expected = JsonReportWriter.ToJson(stepwise.Evaluate(stepwise.ParseScenario("many.yaml", text.ToString())));
        Assert.Equal(expected, JsonReportWriter.ToJson(batched.Evaluate(batched.ParseScenario("many.yaml", text.ToString()))));
        Assert.Contains("\"id\":\"open\",\"subject\":\"p2498\"", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"open\",\"subject\":\"p2499\"", expected, StringComparison.Ordinal); // short
    }

    [Theory]
    [InlineData("""
        ruleset: self
        rules:
          - id: self
            when:
              - fact: Proposal
                as: p
              - not: { fact: Condition, where: id == "x" }
            then:
              - condition: x
                subject: "{p.id}"
        """)]
    [InlineData("""
        ruleset: two
        rules:
          - id: a
            when:
              - fact: Condition
                where: id == "b"
            then:
              - condition: a
          - id: b
            when:
              - fact: Proposal
              - not: { fact: Condition, where: id == "a" }
            then:
              - condition: b
        """)]
    [InlineData("""
        ruleset: any-condition
        rules:
          - id: count-them
            when:
              - count: Condition
                as: n
                atLeast: 2
            then:
              - condition: counted
        """)]
    [InlineData("""
        ruleset: insert
        rules:
          - id: commit
            when:
              - fact: Commitment
                as: c
                where: party == "FR"
            then:
              - insert: { Commitment: { id: "{c.id}-echo", party: DE } }
        """)]
    public void ARuleThatCanReadItsOwnConclusion_IsACycle_AndRunsOneFiringAtATime(string rules)
    {
        Assert.False(Build(rules).LinkedFactsInBatches);
    }

    [Fact]
    public void AFaultInAMatchThatOneFiringAtATimeWouldHaveUndone_IsNoError()
    {
        // 'first' fires first (priority) and states x for p; one firing at a time, x then undoes 'second''s match before it
        // fires. In a batch 'second' fires too and divides by zero; the engine runs the scenario again one firing at a time.
        var rules = """
            ruleset: fault
            rules:
              - id: first
                priority: 10
                when:
                  - fact: Proposal
                    as: p
                then:
                  - condition: x
                    subject: "{p.id}"
              - id: second
                when:
                  - fact: Proposal
                    as: p
                    where: durationDays == 30
                  - not: { fact: Condition, where: id == "x" && subject == p.id }
                then:
                  - condition: y
                    subject: "{p.id}"
                    text: "{100 / (p.durationDays - 30)}"
            """;
        var batched = Build(rules);
        var stepwise = Build(rules, batches: false);
        Assert.True(batched.LinkedFactsInBatches);
        var expected = JsonReportWriter.ToJson(stepwise.Evaluate(stepwise.ParseScenario("s.yaml", Jeddah)));
        Assert.Equal(expected, JsonReportWriter.ToJson(batched.Evaluate(batched.ParseScenario("s.yaml", Jeddah))));
        Assert.DoesNotContain("\"id\":\"y\"", expected, StringComparison.Ordinal);

        // The session itself, in batches, does fault: the second run is what keeps the answer.
        var session = batched.CreateSession(batched.ParseScenario("s.yaml", Jeddah), null, batches: true);
        session.Insert(batched.ParseScenario("s.yaml", Jeddah).Facts);
        session.SetToday(new DateOnly(2025, 3, 12), first: true);
        var e = Assert.Throws<EvaluationException>(() => session.Fire(CancellationToken.None));
        Assert.Equal(DiagnosticCodes.EvaluationFault, e.Code);
    }

    [Fact]
    public void WhatIf_VariantsAndSuggestions_SameJsonEitherWay()
    {
        var rules = TestPaths.Fixture("whatif/rules.yaml");
        var batched = new ScenarioEngineBuilder().AddRules(rules).WithLinkedFactsInBatches(true).Build();
        var stepwise = new ScenarioEngineBuilder().AddRules(rules).WithLinkedFactsInBatches(false).Build();
        Assert.True(batched.LinkedFactsInBatches);
        var scenario = batched.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml"));
        Assert.Equal(VariantsJsonWriter.ToJson(stepwise.RunVariants(scenario)), VariantsJsonWriter.ToJson(batched.RunVariants(scenario)));
        Assert.Equal(SuggestionJsonWriter.ToJson(stepwise.WhatStops(scenario, "guarantee-credible")),
            SuggestionJsonWriter.ToJson(batched.WhatStops(scenario, "guarantee-credible")));
        Assert.Equal(SuggestionJsonWriter.ToJson(stepwise.SuggestForCondition(scenario, "ceasefire-agreed")),
            SuggestionJsonWriter.ToJson(batched.SuggestForCondition(scenario, "ceasefire-agreed")));

        // The built-in rules over an example, all 2^6 variants of six two-valued dimensions (row 14b's walk).
        var paris = BatchesOn.LoadScenario(TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml"));
        var dimensions = ParisE5.SixDimensions();
        Assert.Equal(VariantsJsonWriter.ToJson(BatchesOff.RunVariants(paris, dimensions)), VariantsJsonWriter.ToJson(BatchesOn.RunVariants(paris, dimensions)));
    }

    [Fact]
    public void ATracedEvaluation_FiresOneAtATime_AndTracesTheSameAsWithoutBatches()
    {
        var scenario = BatchesOn.LoadScenario(TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml"));
        var options = new EvaluationOptions { Trace = true };
        var batched = BatchesOn.Evaluate(scenario, options);
        var stepwise = BatchesOff.Evaluate(scenario, options);
        Assert.Equal(stepwise.RulesFired, batched.RulesFired);
        Assert.Equal(JsonReportWriter.ToJson(stepwise), JsonReportWriter.ToJson(batched));
        Assert.Equal(stepwise.Trace!.Count, batched.Trace!.Count);
    }
}
