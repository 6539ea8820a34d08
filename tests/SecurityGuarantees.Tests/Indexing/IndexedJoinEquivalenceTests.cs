using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Indexing;

/// <summary>
/// Indexed equi-joins (<see cref="ScenarioEngineBuilder.WithIndexedJoins"/>) must not change any result: every example
/// scenario and timeline and the rule fixtures give byte-identical JSON (and explanations) with indexing on and off.
/// </summary>
public sealed class IndexedJoinEquivalenceTests : SwitchEquivalenceTests
{
    private static readonly ScenarioEngine IndexedOn = new ScenarioEngineBuilder().WithIndexedJoins(true).Build();
    private static readonly ScenarioEngine IndexedOff = new ScenarioEngineBuilder().WithIndexedJoins(false).Build();

    private protected override ScenarioEngine On => IndexedOn;

    private protected override ScenarioEngine Off => IndexedOff;

    // Explanations read working memory, where facts of index-only types are not: they must still see them.
    private protected override string[] WhyNotRules => ["ceasefire-pending", "conditions-added", "credibility-gap", "guarantee-dormant"];

    [Fact]
    public void BuiltInRules_IndexTheirEquiJoins()
    {
        Assert.Contains(IndexedOn.Rules.Indexes, i => i.Type.Name == "Position" && i.Field.Name == "proposal");
        Assert.Empty(IndexedOff.Rules.Indexes);
    }

    [Fact]
    public void BuiltInRules_AnIndexHoldsOnlyFactsPassingTheJoinsConditionsOnTheFactAlone()
    {
        // conditions-added: Demand where holder == pos.party && kind in pos.conditions && status == "open" && timing == "precondition"
        var demands = Assert.Single(IndexedOn.Rules.Indexes, i => i.Type.Name == "Demand" && i.Field.Name == "holder" && i.Id.Contains("Status", StringComparison.Ordinal));
        var open = new Domain.Demand { Id = "d1", Holder = "RU", Kind = Domain.DemandKind.Neutrality, Timing = Domain.DemandTiming.Precondition };
        Assert.True(demands.Accepts(open));
        Assert.False(demands.Accepts(open with { Status = Domain.DemandStatus.Withdrawn }));
        Assert.False(demands.Accepts(open with { Timing = Domain.DemandTiming.Settlement }));
        Assert.Contains(IndexedOn.Rules.Indexes, i => i.Id == "Meeting.id"); // a join with no such condition: one unfiltered index
    }

    [Theory]
    [InlineData("rules/ceasefire-pending.yaml", "scenarios/jeddah.yaml")]
    [InlineData("rules/constructs.yaml", "scenarios/constructs.yaml")]
    [InlineData(null, "scenarios/jeddah.yaml")]
    [InlineData(null, "scenarios/constructs.yaml")]
    public void FixtureScenario_SameJson(string? rules, string scenario)
    {
        var (on, off) = Engines(rules);
        var path = TestPaths.Fixture(scenario);
        SameOutput.ForScenario(off, on, path);
    }

    [Theory]
    [InlineData("timelines/rules.yaml", "timelines/basic.yaml")]
    [InlineData(null, "timelines/basic.yaml")]
    public void FixtureTimeline_SameJson(string? rules, string timeline)
    {
        var (on, off) = Engines(rules);
        var path = TestPaths.Fixture(timeline);
        SameOutput.ForTimeline(off, on, path);
    }

    [Fact]
    public void FixtureRules_AreIndexed()
    {
        Assert.NotEmpty(Engines("rules/ceasefire-pending.yaml").On.Rules.Indexes);
    }

    internal static (ScenarioEngine On, ScenarioEngine Off) Engines(string? rules) => rules is null
        ? (IndexedOn, IndexedOff)
        : (new ScenarioEngineBuilder().AddRules(TestPaths.Fixture(rules)).WithIndexedJoins(true).Build(),
            new ScenarioEngineBuilder().AddRules(TestPaths.Fixture(rules)).WithIndexedJoins(false).Build());
}
