using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.WhatIf;

public sealed class RuleChangeImpactTests
{
    private static readonly ScenarioEngine Base = new ScenarioEngineBuilder().AddRules(TestPaths.Fixture("whatif/rules.yaml")).Build();
    private static readonly ScenarioEngine New = new ScenarioEngineBuilder().AddRules(TestPaths.Fixture("whatif/rules-new")).Build();

    [Fact]
    public void Compare_AddedRemovedAndChangedConclusions_AtTheScenarioAndEveryTimelineStep()
    {
        var report = RuleChangeImpact.Compare(Base, New, [TestPaths.Fixture("whatif/timeline.yaml")], "base", "new");

        var scenario = Assert.Single(report.Scenarios);
        Assert.True(report.HasChanges);
        Assert.Equal(2, scenario.Points.Count);
        var initial = scenario.Points[0];
        Assert.Equal(["condition truce-proposed (truce-30d)"], initial.Added.Select(d => d.Label));
        Assert.Equal(["condition unilateral-truce (truce-30d)"], initial.Removed.Select(d => d.Label));
        Assert.Equal(
            [
                "condition ceasefire-pending (truce-30d): severity warning->critical, text Russia has not answered->Russia has still not answered",
                "next step respond-to-ceasefire -> US (truce-30d): actor RU->US",
            ],
            initial.Changed.Select(c => $"{c.Label}: {string.Join(", ", c.Changes.Select(p => $"{p.Property} {p.Before}->{p.After}"))}"));
        var step = scenario.Points[1];
        Assert.True(step.Step);
        Assert.Equal("Russia accepts", step.Note);
        Assert.Equal(new DateOnly(2025, 3, 19), step.On);
        Assert.Empty(step.Changed); // Russia accepted: nothing pending any more under either rule set
        Assert.Equal(["condition truce-proposed (truce-30d)"], step.Added.Select(d => d.Label));
    }

    [Fact]
    public void Compare_SameRules_NoChanges()
    {
        var report = RuleChangeImpact.Compare(Base, Base, [TestPaths.Fixture("whatif/scenario.yaml"), TestPaths.Fixture("whatif/timeline.yaml")], "a", "a");
        Assert.False(report.HasChanges);
        Assert.Equal("{\"baseRules\":\"a\",\"newRules\":\"a\",\"changed\":false,\"scenarios\":[{\"scenario\":\"whatif-test\",\"file\":\""
            + TestPaths.Fixture("whatif/scenario.yaml").Replace('\\', '/') + "\",\"changed\":false,\"points\":[]},", RuleImpactJsonWriter.ToJson(report)[..(RuleImpactJsonWriter.ToJson(report).IndexOf("},", StringComparison.Ordinal) + 2)]);
    }

    [Fact]
    public void CompareScenario_FromText()
    {
        var impact = RuleChangeImpact.CompareScenario(Base, New, "inline.yaml", File.ReadAllText(TestPaths.Fixture("whatif/both-pending.yaml")));
        Assert.Equal("both-pending", impact.Scenario);
        Assert.True(impact.HasChanges);
    }

    [Fact]
    public void Writers_TextAndMarkdown()
    {
        var report = RuleChangeImpact.Compare(Base, New, [TestPaths.Fixture("whatif/timeline.yaml")], "old", "new");
        var text = new StringWriter();
        RuleImpactTextWriter.Write(report, text);
        var markdown = new StringWriter();
        RuleImpactTextWriter.WriteMarkdown(report, markdown);

        Assert.StartsWith("Rule-change impact: old -> new: 1 of 1 scenario(s) change\n", text.ToString());
        Assert.Contains("    - condition unilateral-truce (truce-30d) info: truce-30d is unilateral\n", text.ToString());
        Assert.Contains("    ~ next step respond-to-ceasefire -> US (truce-30d): actor RU -> US\n", text.ToString());
        Assert.Contains("  step 2025-03-19 (Russia accepts):\n", text.ToString());
        Assert.Contains("| ✏️ changed | as of 2025-03-12 | condition ceasefire-pending (truce-30d) | severity warning -> critical; text \"Russia has not answered\" -> \"Russia has still not answered\" |", markdown.ToString());
    }
}
