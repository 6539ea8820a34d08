using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.WhatIf;

public sealed class SuggestionTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRules(TestPaths.Fixture("whatif/rules.yaml")).Build();
    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    private static IEnumerable<string[]> Sets(SuggestionReport report) => report.Suggestions.Select(s => s.Changes.Select(c => c.ToString()).ToArray());

    [Fact]
    public void SuggestForCondition_OneChangeNeeded_SetsTheMissingStance()
    {
        var report = Engine.SuggestForCondition(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "ceasefire-agreed");

        Assert.False(report.AlreadyReached);
        Assert.True(report.Complete);
        Assert.Equal([["set Position[truce-30d/RU].stance = accepted"]], Sets(report));
    }

    [Fact]
    public void SuggestForCondition_TwoChangesNeeded_OneSetOfTwo()
    {
        var report = Engine.SuggestForCondition(Engine.LoadScenario(TestPaths.Fixture("whatif/both-pending.yaml")), "ceasefire-agreed");

        Assert.Equal([["set Position[truce-30d/UA].stance = accepted", "set Position[truce-30d/RU].stance = accepted"]], Sets(report));
    }

    [Fact]
    public void SuggestForCondition_NumberPastItsConstantAndABlockingFactRemoved()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml"));
        var report = Engine.SuggestForCondition(scenario, "backstop-ready");

        Assert.Equal([["set Position[truce-30d/RU].stance = accepted", "set Commitment[us-backstop].size = 5000", "remove Observation[shelling]"]], Sets(report));
        var changed = Engine.WithChanges(scenario, report.Suggestions[0].Changes);
        Assert.Contains(Engine.Evaluate(changed).Conditions, c => c.Id == "backstop-ready");
    }

    [Fact]
    public void SuggestForCondition_NothingWithinMaxChanges_IsAnAnswer()
    {
        var report = Engine.SuggestForCondition(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "backstop-ready", new WhatIfOptions { MaxChanges = 2 });

        Assert.Empty(report.Suggestions);
        Assert.True(report.Complete);
        Assert.Empty(report.Reasons);
        var text = new StringWriter();
        SuggestionTextWriter.Write(report, text);
        Assert.StartsWith("no suggestion within 2 changes", text.ToString());
    }

    [Fact]
    public void SuggestForRule_FindsWhatMakesTheRuleFire()
    {
        var report = Engine.SuggestForRule(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "unilateral-truce");

        Assert.Equal("rule", report.TargetKind);
        Assert.Equal([["set Proposal[truce-30d].unilateral = true"]], Sets(report));
    }

    [Fact]
    public void SuggestForCondition_AlreadyHolds_NoSearch()
    {
        var report = Engine.SuggestForCondition(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "guarantee-credible");

        Assert.True(report.AlreadyReached);
        Assert.Equal(0, report.Evaluations);
    }

    [Fact]
    public void SuggestForCondition_DeploymentPlanningOnTheParisDeclaration_SaysWhatIsMissing()
    {
        var scenario = BuiltIn.LoadScenario(TestPaths.Repo("examples/scenarios/2026-01-06-paris-declaration.yaml"));
        var report = BuiltIn.SuggestForCondition(scenario, "deployment-planning");

        Assert.Empty(report.Suggestions);
        Assert.Equal(
            [
                "rule deployment-planning needs the condition ceasefire-in-force, which cannot hold:",
                "  rule ceasefire-in-force needs a Proposal fact, and the scenario has none",
                "  rule ceasefire-in-force.by-acceptance needs a Proposal fact, and the scenario has none",
                "rule deployment-planning needs at least 10 Commitment facts, and the scenario has 5",
            ],
            report.Reasons);
    }

    [Fact]
    public void SuggestForCondition_RussiaAcceptsJeddah_IsAmongTheSingleChanges()
    {
        var scenario = BuiltIn.LoadScenario(TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml"));
        var report = BuiltIn.SuggestForCondition(scenario, "ceasefire-in-force", new WhatIfOptions { MaxChanges = 1 });

        Assert.Contains(["set Position[jeddah-ceasefire/RU].stance = accepted"], Sets(report));
        Assert.All(report.Suggestions, s => Assert.Single(s.Changes));
        Assert.Equal("remove Party[RU]", report.Suggestions[^1].Changes[0].ToString()); // field changes come before removals
    }

    [Fact]
    public void UnknownCondition_IsAnArgumentErrorWithAHint()
    {
        var e = Assert.Throws<ArgumentException>(() => Engine.SuggestForCondition(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "ceasefire-agred"));
        Assert.Contains("did you mean 'ceasefire-agreed'?", e.Message);
    }

    [Fact]
    public void WhatStops_TwoJustifications_EverySetTakesAPremiseFromEach()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml"));
        var report = Engine.WhatStops(scenario, "guarantee-credible");

        Assert.Equal(SuggestionGoal.Stop, report.Goal);
        Assert.Equal(["remove Commitment[us-backstop]", "remove Commitment[fr-force]"], Sets(report).First());
        Assert.Equal(9, report.Suggestions.Count);
        Assert.All(report.Suggestions, set =>
        {
            Assert.Equal(2, set.Changes.Count);
            Assert.Contains(set.Changes, c => c.Address.Key == "us-backstop");
            Assert.Contains(set.Changes, c => c.Address.Key == "fr-force");
            Assert.DoesNotContain(Engine.Evaluate(Engine.WithChanges(scenario, set.Changes)).Conditions, c => c.Id == "guarantee-credible");
        });
        Assert.Contains(["set Commitment[us-backstop].level = interested", "set Commitment[fr-force].kind = army-capability"], Sets(report));
    }

    [Fact]
    public void WhatStops_OneJustification_SingleChanges()
    {
        var report = Engine.WhatStops(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "ceasefire-pending", "truce-30d");

        Assert.Equal([["remove Position[truce-30d/RU]"], ["set Position[truce-30d/RU].stance = accepted"]], Sets(report));
    }

    [Fact]
    public void WhatStops_ConditionDoesNotHold_NothingToStop()
    {
        var report = Engine.WhatStops(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "backstop-ready");
        Assert.True(report.AlreadyReached);
        Assert.Empty(report.Suggestions);
    }

    [Fact]
    public void Json_IsOneLineWithChangesSpelledOut()
    {
        var report = Engine.SuggestForCondition(Engine.LoadScenario(TestPaths.Fixture("whatif/scenario.yaml")), "ceasefire-agreed");
        Assert.Equal(
            "{\"scenario\":\"whatif-test\",\"asOf\":\"2025-03-12\",\"goal\":\"hold\",\"target\":{\"kind\":\"condition\",\"id\":\"ceasefire-agreed\",\"subject\":null},"
            + "\"alreadyReached\":false,\"maxChanges\":3,\"complete\":true,\"evaluations\":1,\"candidates\":1,\"reasons\":[],"
            + "\"suggestions\":[{\"changes\":[{\"op\":\"set\",\"fact\":\"Position[truce-30d/RU]\",\"field\":\"stance\",\"value\":\"accepted\",\"text\":\"set Position[truce-30d/RU].stance = accepted\"}]}]}",
            SuggestionJsonWriter.ToJson(report));
    }
}
