using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Results;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Rules;

/// <summary><c>aggregate:</c> and <c>let:</c> (issue 13) over Fixtures/computed: troop pledges with sizes and a deadline.</summary>
public sealed class ComputedElementTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("computed/rules.yaml");
    private static readonly string Scenario = TestPaths.Fixture("computed/scenario.yaml");

    private static ConditionResult Condition(EvaluationResult result, string id, string? subject = null) =>
        Assert.Single(result.Conditions, c => c.Id == id && (subject is null || c.Subject == subject));

    [Fact]
    public void Aggregate_WithoutGroupBy_ComputesOverTheMatchingFacts_AndHavingGatesIt()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(Scenario));

        // 5000 + 4000 (+ Estonia's pledge without a size) is below 10000; the "interested" French air pledge is not counted.
        Assert.DoesNotContain(result.Conditions, c => c.Id == "force-threshold-met");
        var whyNot = Assert.Single(Engine.WhyNot(Engine.LoadScenario(Scenario), "force-threshold").Rules);
        var failing = whyNot.Elements[whyNot.FirstFailing!.Value];
        Assert.Equal("aggregate", failing.Kind);
        Assert.Equal("'having: force.troops >= 10000' is false for the aggregate of 3 Commitment facts", failing.Note);
    }

    [Fact]
    public void Aggregate_WithGroupBy_MatchesOncePerValue_AndJustifiesWithTheAggregatedFacts()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(Scenario));
        Assert.Equal(["EE", "FR", "GB"], result.Conditions.Where(c => c.Id == "party-pledge").Select(c => c.Subject));
        var france = Condition(result, "party-pledge", "FR");
        Assert.Equal("FR: 2 pledges, 6000 troops", france.Text);
        var because = Assert.Single(france.Justifications).Because;
        Assert.Equal(["Commitment fr-air", "Commitment fr-force"], because.Select(f => $"{f.Type} {f.Key}"));

        // An empty sum is 0.
        Assert.Equal("EE: 1 pledges, 0 troops", Condition(result, "party-pledge", "EE").Text);
    }

    [Fact]
    public void Let_BindsValuesForLaterElementsAndTemplates()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(Scenario));
        Assert.Equal("CEASEFIRE-30D due in 5 days", Condition(result, "deadline-close").Text);

        // Later than ten days before the deadline the Position element (which reads daysLeft) no longer matches.
        var early = Engine.Evaluate(Engine.LoadScenario(Scenario), new EvaluationOptions { AsOf = new DateOnly(2025, 3, 1) });
        Assert.DoesNotContain(early.Conditions, c => c.Id == "deadline-close");
        var whyNot = Assert.Single(Engine.WhyNot(Engine.LoadScenario(Scenario), "deadline-close", new EvaluationOptions { AsOf = new DateOnly(2025, 3, 1) }).Rules);
        Assert.Equal(["fact", "fact", "let", "fact"], whyNot.Elements.Select(e => e.Kind));
        Assert.Equal(ElementOutcome.Matched, whyNot.Elements[2].Outcome);
        Assert.Equal(3, whyNot.FirstFailing);
    }

    [Fact]
    public void Timeline_AggregatesFollowInsertUpdateAndRetract_AndEndAsAFreshEvaluation()
    {
        var timeline = Engine.LoadTimeline(Scenario);
        var result = Engine.RunTimeline(timeline, new EvaluationOptions { Trace = true });

        // Turkey's 2000 bring the force to 11000: the threshold is met.
        var turkey = result.Steps[0];
        Assert.Equal("4 pledges, 11000 troops (largest 5000) from EE, FR, GB, TR",
            Assert.Single(turkey.Added.Conditions, c => c.Id == "force-threshold-met").Text);
        Assert.Equal(["Commitment ee-force", "Commitment fr-force", "Commitment gb-force", "Commitment tr-force"],
            Assert.Single(Assert.Single(turkey.Added.Conditions, c => c.Id == "force-threshold-met").Justifications).Because.Select(f => $"{f.Type} {f.Key}"));

        // The UK halves its pledge: 8500, below the threshold; the UK's own sum changes.
        var halved = result.Steps[1];
        Assert.Equal(["force-threshold-met"], halved.Removed.Conditions.Select(c => c.Id));
        Assert.Equal("GB: 1 pledges, 2500 troops", Assert.Single(halved.Changed.Conditions, c => c.Id == "party-pledge").Text);

        // Estonia withdraws: its group goes.
        Assert.Equal(["party-pledge/EE"], result.Steps[2].Removed.Conditions.Select(c => $"{c.Id}/{c.Subject}"));

        var trace = result.Trace!.Select(e => $"{e.Step:yyyy-MM-dd} {e.Event} {e.Rule}").ToList();
        Assert.Contains("2025-03-11 Fired force-threshold", trace);
        Assert.Contains("2025-03-12 Retracted force-threshold", trace);
        Assert.Contains("2025-03-12 Refired party-pledge", trace);
        TimelineAssert.FinalEqualsFreshEvaluation(Engine, timeline, result);
    }

    [Fact]
    public void Let_InAFlowMap_KeepsCommasInsideCalls()
    {
        const string rules = """
            version: 1
            ruleset: flow
            rules:
              - id: flow-let
                when:
                  - fact: Today
                    as: today
                  - fact: Proposal
                    as: p
                  - let: { pendingDays: daysBetween(p.deadline, today.date), rounded: round(abs(-2.25), 1), both: p.id + "/" + lower(p.id) }
                then:
                  - condition: flow
                    subject: "{p.id}"
                    text: "{pendingDays} {rounded} {both}"
            """;
        var engine = TestEngines.FromText(rules);
        var result = engine.Evaluate(engine.ParseScenario("s.yaml", """
            scenario: s
            asOf: 2025-03-10
            facts:
              Proposal:
                - { id: P1, deadline: 2025-03-15 }
            """));
        Assert.Equal("-5 2.3 P1/p1", Assert.Single(result.Conditions).Text);
    }

    [Fact]
    public void Diagnostics_AreAllReportedInOnePass_WithLocationCodeAndHint()
    {
        var error = Assert.Throws<RuleLoadException>(() => TestEngines.FromFixtures("computed/broken.yaml"));
        var file = TestPaths.Fixture("computed/broken.yaml");
        Assert.Equal(
            [
                "10:23 SG0202 unknown field 'sise' on Commitment | did you mean 'size'?",
                "18:23 SG0204 sum needs a number, but 'party' is a string | sum and avg add numbers; count() counts facts, collect(f) lists values",
                "19:19 SG0321 'median' is not an aggregate function | compute with count(), count(distinct f), sum(f), min(f), max(f), avg(f), collect(f) or collectDistinct(f)",
                "26:16 SG0303 'p' is already bound in this rule | choose another name",
                "32:28 SG0220 invalid pattern \"([a-z\": unterminated bracket at offset 5 | patterns are .NET regular expressions; escape a literal character with \\\\, e.g. \"\\\\.\"",
                "34:19 SG0221 'id.StartsWith(\"U\")' is C# syntax; expressions call functions, not methods or properties | write startsWith(id, \"U\")",
                "40:18 SG0202 unknown field 'partey' on Commitment | did you mean 'party'?",
            ],
            error.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code} {d.Message} | {d.Hint}"));
        Assert.All(error.Diagnostics, d => Assert.Equal(file, d.Location.File));
    }

    [Theory]
    [InlineData("compute: { n: count() }\n        groupBy: roles", "SG0321", "'groupBy' needs a single-valued field, but 'roles' is a list")]
    [InlineData("compute: { n: sum(distinct size) }", "SG0321", "'distinct' goes with count only")]
    [InlineData("compute: { key: count() }", "SG0111", "'key' cannot name an aggregate value")]
    [InlineData("compute: { n: max(party) }", "SG0204", "max needs a number or a date, but 'party' is a string")]
    [InlineData("compute: { n: sum() }", "SG0321", "sum needs a field of Commitment")]
    [InlineData("compute: []", "SG0104", "'compute' must be a map of names to expressions, not a list")]
    public void Aggregate_Mistakes_AreDiagnosed(string compute, string code, string message)
    {
        var type = compute.Contains("roles", StringComparison.Ordinal) ? "Party" : "Commitment";
        var yaml = $"""
            version: 1
            ruleset: bad
            rules:
              - id: bad
                when:
                  - aggregate: {type}
                    as: a
                    {compute}
                then:
                  - condition: bad
            """;
        var error = TestEngines.SingleLoadError(yaml, code);
        Assert.Equal(message, error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void AnErrorInAComputedValue_IsReportedOnce_NotAgainAtEveryUse()
    {
        const string yaml = """
            version: 1
            ruleset: c
            rules:
              - id: r
                when:
                  - aggregate: Demand
                    as: a
                    compute: { n: count(), first: min(id) }
                  - let: { twice: a.n * 2, other: a.first }
                then:
                  - condition: c
                    text: "{twice} {other} {a.n} {a.nn}"
            """;
        Assert.Equal(
            [
                "8:43 SG0204 min needs a number or a date, but 'id' is a string",
                "12:41 SG0202 'a' has no value 'nn'",
            ],
            TestEngines.LoadErrors(yaml).Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code} {d.Message}"));
    }

    [Fact]
    public void Lint_Graph_AndExplain_HandleComputedElements()
    {
        Assert.DoesNotContain(Engine.Lint([Scenario]), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("Commitment", Engine.GetRuleGraph(), StringComparison.Ordinal);
        var explanation = Engine.Explain(Engine.LoadScenario(Scenario));
        Assert.NotEmpty(explanation.ToString());
    }
}
