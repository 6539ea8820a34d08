using SecurityGuarantees.Explanations;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Explanations.ExplainTests;

namespace SecurityGuarantees.Tests.Explanations;

public sealed class WhyNotTests
{
    private static readonly string Rules = TestPaths.Fixture("explain/rules.yaml");
    private static readonly string ScenarioFile = TestPaths.Fixture("explain/scenario.yaml");
    private static readonly string ParisE5 = TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml");

    private static ScenarioEngine Shipped { get; } = new ScenarioEngineBuilder().AddRules(TestPaths.Repo("rules")).Build();

    private static RuleAnalysis Fixture(string rule)
    {
        var engine = new ScenarioEngineBuilder().AddRules(Rules).Build();
        return Assert.Single(engine.WhyNot(engine.LoadScenario(ScenarioFile), rule).Rules);
    }

    [Fact]
    public void DeploymentPlanning_InParis_FailsFirstOnTheCeasefireInForceCondition()
    {
        var report = Shipped.WhyNot(Shipped.LoadScenario(ParisE5), "deployment-planning");
        var rule = Assert.Single(report.Rules);
        Assert.False(rule.Fired);
        Assert.Equal(0, rule.FirstFailing);
        var first = rule.Elements[0];
        Assert.Equal(("exists", ElementOutcome.Failed), (first.Kind, first.Outcome));
        Assert.Equal("exists: fact: Condition where id == \"ceasefire-in-force\"", first.Summary);
        Assert.Contains("it is derived by rule ceasefire-in-force, ceasefire-in-force.by-acceptance", first.Note);
        Assert.Contains(first.Closest, c => c.Label == "Condition ceasefire-pending/jeddah-ceasefire"
            && c.Conjuncts.Single().Values == "id = ceasefire-pending");
        Assert.Equal([ElementOutcome.NotReached, ElementOutcome.NotReached], rule.Elements.Skip(1).Select(e => e.Outcome));
        Assert.Equal(["count", "not"], rule.Elements.Skip(1).Select(e => e.Kind));
    }

    [Fact]
    public void ClosestFacts_AreRankedByConjunctsSatisfied_WithTheFailingConjunctsTextAndValues()
    {
        var rule = Fixture("russia-accepted");
        Assert.Equal(1, rule.FirstFailing);
        Assert.Equal(ElementOutcome.Matched, rule.Elements[0].Outcome);
        Assert.Equal("p = Proposal ceasefire-30d", rule.Elements[0].Bindings.Single().ToString());
        var failing = rule.Elements[1];
        Assert.Equal("p = Proposal ceasefire-30d", failing.Bindings.Single().ToString());
        var closest = failing.Closest[0];
        Assert.Equal(("Position ceasefire-30d/RU", 2, 3), (closest.Label, closest.Satisfied, closest.Total));
        Assert.Equal(LineOf(ScenarioFile, "party: RU, stance: pending"), closest.Location!.Value.Line);
        var conjunct = Assert.Single(closest.Conjuncts);
        Assert.Equal(("stance == \"accepted\"", false, "stance = pending"), (conjunct.Text, conjunct.Result, conjunct.Values));
        Assert.Equal(LineOf(Rules, "party == \"RU\" && stance == \"accepted\""), conjunct.Location.Line);
        Assert.Equal("Position ceasefire-30d/UA", failing.Closest[1].Label);
        Assert.Equal("party = UA", failing.Closest[1].Conjuncts.Single().Values);
        Assert.Equal(
            $"Position ceasefire-30d/RU ({ScenarioFile}:{closest.Location.Value.Line}) [with p = Proposal ceasefire-30d]: 2 of 3 hold; stance == \"accepted\" is false (stance = pending)",
            WhyNotTextWriter.Candidate(closest));
    }

    [Fact]
    public void Count_ReportsTheNumberReachedAgainstAtLeast()
    {
        var element = Fixture("coalition").Elements.Single();
        Assert.Equal(ElementOutcome.Failed, element.Outcome);
        Assert.StartsWith("counted 2, needs at least 3; counted: FR, GB", element.Note, StringComparison.Ordinal);
        Assert.Equal(["Party RU", "Party UA", "Party US"], element.Closest.Select(c => c.Label));
    }

    [Fact]
    public void EachAndAny_AreTakenApart_OneLevelDeep()
    {
        var rule = Fixture("hosted-proposal");
        Assert.Equal(2, rule.FirstFailing);
        Assert.Equal("p = Proposal ceasefire-30d, proposer = US", rule.Elements[1].Bindings.Single().ToString());
        var any = rule.Elements[2];
        Assert.Equal(("any", 2), (any.Kind, any.Nested.Count));
        Assert.Equal("Party US", any.Nested[0].Closest[0].Label);
        Assert.Equal("\"host\" in roles", any.Nested[0].Closest[0].Conjuncts.Single().Text);
        var all = any.Nested[1];
        Assert.Equal(("all", ElementOutcome.Failed), (all.Kind, all.Outcome));
        Assert.Equal([ElementOutcome.Failed, ElementOutcome.NotReached], all.Nested.Select(n => n.Outcome));
        Assert.Contains("id == proposer is false (id = FR, proposer = US)", WhyNotTextWriter.Candidate(all.Nested[0].Closest[0]));
    }

    [Fact]
    public void NotElement_ThatFails_ShowsTheFactsThatDefeatIt()
    {
        var engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml");
        var yaml = File.ReadAllText(TestPaths.Fixture("scenarios/jeddah.yaml")).Replace("party: RU, stance: pending", "party: RU, stance: rejected", StringComparison.Ordinal);
        var rule = engine.WhyNot(engine.ParseScenario("rejected.yaml", yaml), "ceasefire-pending").Rules.Single();
        Assert.Equal(2, rule.FirstFailing);
        var not = rule.Elements[2];
        Assert.Equal("not", not.Kind);
        Assert.Equal("Position ceasefire-30d/RU", not.Closest.Single().Label);
        Assert.Contains("so 'not' is false", not.Note);
    }

    [Fact]
    public void RuleThatFired_SaysSo_AndPointsToExplain()
    {
        var rule = Shipped.WhyNot(Shipped.LoadScenario(ParisE5), "ceasefire-pending").Rules.Single();
        Assert.True(rule.Fired);
        Assert.Null(rule.FirstFailing);
        Assert.Contains("Condition ceasefire-pending/jeddah-ceasefire", rule.Conclusions);
        Assert.All(rule.Elements, e => Assert.Equal(ElementOutcome.Matched, e.Outcome));

        var (exitCode, output, _) = Run("why-not", ParisE5, "--rules", TestPaths.Repo("rules"), "--rule", "ceasefire-pending");
        Assert.Equal(0, exitCode);
        Assert.Contains("(rules/ceasefire.yaml:".Replace("rules/", TestPaths.Repo("rules") + "/", StringComparison.Ordinal), output);
        Assert.Contains("): fired\n", output);
        Assert.Contains($"for why, run: security-guarantees explain {ParisE5} --condition ceasefire-pending", output);
    }

    [Fact]
    public void Condition_AnalysesEveryRuleThatDerivesIt()
    {
        var report = Shipped.WhyNotCondition(Shipped.LoadScenario(ParisE5), "ceasefire-in-force");
        Assert.Equal("ceasefire-in-force", report.Condition);
        Assert.Empty(report.ConditionHolds);
        Assert.Equal(["ceasefire-in-force", "ceasefire-in-force.by-acceptance"], report.Rules.Select(r => r.Rule));
        Assert.All(report.Rules, r => Assert.False(r.Fired));
        // The Jeddah offer is mutual but still proposed: the first rule fails on the Proposal's status.
        var first = report.Rules[0];
        var proposal = first.Elements[first.FirstFailing!.Value];
        Assert.Equal("fact", proposal.Kind);
        Assert.Contains(proposal.Closest[0].Conjuncts, c => c.Text == "status == \"in-force\"");

        var (exitCode, output, _) = Run("why-not", ParisE5, "--rules", TestPaths.Repo("rules"), "--condition", "ceasefire-in-force");
        Assert.Equal(0, exitCode);
        Assert.Contains("Condition ceasefire-in-force does not hold\n2 rules derive it: ceasefire-in-force, ceasefire-in-force.by-acceptance", output);
        Assert.Contains("first failing element: ", output);
    }

    [Fact]
    public void Markdown_HasATableOfElementsAndTheFirstFailingDetail()
    {
        var report = Shipped.WhyNot(Shipped.LoadScenario(ParisE5), "deployment-planning");
        var output = new StringWriter();
        WhyNotMarkdownWriter.Write(report, output);
        var text = output.ToString();
        Assert.Contains("## Rule `deployment-planning`: did not fire", text);
        Assert.Contains("| # | Element | Outcome | Matches | Where |", text);
        Assert.Contains("| 1 | `exists: fact: Condition where id == \"ceasefire-in-force\"` | **failed** | 1 → 0 |", text);
        Assert.Contains("### First failing element: 1 (`exists`)", text);
    }

    [Fact]
    public void Cli_WhyNot_UnknownRuleOrCondition_Exits1WithASuggestion_BadArguments2()
    {
        var (exitCode, _, error) = Run("why-not", ParisE5, "--rules", TestPaths.Repo("rules"), "--rule", "deployment-planing");
        Assert.Equal(1, exitCode);
        Assert.Contains("no loaded rule has the id 'deployment-planing'; did you mean 'deployment-planning'?", error);

        (exitCode, _, error) = Run("why-not", ParisE5, "--rules", TestPaths.Repo("rules"), "--condition", "ceasefire-in-forse");
        Assert.Equal(1, exitCode);
        Assert.Contains("did you mean 'ceasefire-in-force'?", error);

        Assert.Equal(2, Run("why-not", ParisE5, "--rules", TestPaths.Repo("rules")).ExitCode);
        Assert.Equal(2, Run("why-not", TestPaths.Fixture("explain/missing.yaml"), "--rules", Rules, "--rule", "pending").ExitCode);
        Assert.Throws<ArgumentException>(() => Shipped.WhyNot(Shipped.LoadScenario(ParisE5), "no-such-rule"));
    }

    [Fact]
    public void EveryShippedRule_CanBeAnalysedOnEveryExample()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Repo("examples/scenarios"), "*.yaml"))
        {
            var scenario = Shipped.LoadScenario(file);
            foreach (var ruleId in Shipped.RuleIds)
            {
                var rule = Shipped.WhyNot(scenario, ruleId).Rules.Single();
                // Re-evaluation agrees with NRules: a rule fired exactly when every element matched.
                Assert.True(rule.Fired == (rule.FirstFailing is null), $"{ruleId} in {Path.GetFileName(file)}: fired {rule.Fired}, first failing {rule.FirstFailing}");
                Assert.DoesNotContain(rule.Elements, e => e.Outcome == ElementOutcome.NotAnalysed);
            }
        }
    }
}
