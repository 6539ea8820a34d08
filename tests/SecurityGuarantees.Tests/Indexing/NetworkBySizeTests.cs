using System.Globalization;
using System.Text;
using SecurityGuarantees.Reporting;

namespace SecurityGuarantees.Tests.Indexing;

/// <summary>
/// By default an engine runs small scenarios on NRules' own joins and large ones on index lookups
/// (<see cref="ScenarioEngine.IndexedJoinsFromFacts"/>); forcing either with <see cref="ScenarioEngineBuilder.WithIndexedJoins"/>
/// uses one network for every size. The results are the same whichever network runs.
/// </summary>
public sealed class NetworkBySizeTests
{
    // The default, whatever SECURITYGUARANTEES_INDEXED_JOINS says (CI runs the unit tests once more with it set to 1).
    private static readonly ScenarioEngine ByDefault = new ScenarioEngineBuilder().WithIndexedJoinsBySize().Build();
    private static readonly ScenarioEngine AlwaysIndexed = new ScenarioEngineBuilder().WithIndexedJoins(true).Build();
    private static readonly ScenarioEngine NeverIndexed = new ScenarioEngineBuilder().WithIndexedJoins(false).Build();

    [Fact]
    public void ByDefault_SmallScenariosRunUnindexed_LargeOnesOnOneIndexedNetwork()
    {
        var small = ByDefault.SessionRules(ScenarioEngine.IndexedJoinsFromFacts - 1);
        var large = ByDefault.SessionRules(ScenarioEngine.IndexedJoinsFromFacts);

        Assert.Same(ByDefault.Rules, small);
        Assert.Empty(small.Indexes);
        Assert.NotSame(small, large);
        Assert.Contains(large.Indexes, i => i.Type.Name == "Position" && i.Field.Name == "proposal");
        Assert.Same(large, ByDefault.SessionRules(100_000)); // compiled once
        Assert.Equal(small.Rules.Select(r => r.Id), large.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Forced_OneNetworkForEverySize()
    {
        Assert.Same(AlwaysIndexed.SessionRules(1), AlwaysIndexed.SessionRules(100_000));
        Assert.NotEmpty(AlwaysIndexed.SessionRules(1).Indexes);
        Assert.Same(NeverIndexed.SessionRules(1), NeverIndexed.SessionRules(100_000));
        Assert.Empty(NeverIndexed.SessionRules(100_000).Indexes);
    }

    [Theory]
    [InlineData(3)] // 9 facts: the unindexed network by default
    [InlineData(70)] // 210 facts: the indexed one
    public void Results_AreTheSameOnEitherNetwork(int proposals)
    {
        var scenario = ByDefault.ParseScenario("generated.yaml", Ceasefires(proposals));
        Assert.Equal(proposals * 3, scenario.Facts.Count);

        var byDefault = JsonReportWriter.ToJson(ByDefault.Evaluate(scenario));

        Assert.Equal(JsonReportWriter.ToJson(AlwaysIndexed.Evaluate(scenario)), byDefault);
        Assert.Equal(JsonReportWriter.ToJson(NeverIndexed.Evaluate(scenario)), byDefault);
        Assert.Contains("ceasefire-pending", byDefault, StringComparison.Ordinal);
        Assert.Contains("convey-offer", byDefault, StringComparison.Ordinal); // a rule reading a derived condition
    }

    [Fact]
    public void Timeline_ThatGrowsPastTheSize_RunsOnIndexLookupsFromTheStart_WithTheSameResults()
    {
        // Three proposals as the scenario (9 facts), seventy more inserted by the step (219 facts in the end).
        var grown = Ceasefires(73);
        var proposals = grown[grown.IndexOf("  Proposal:\n", StringComparison.Ordinal)..grown.IndexOf("  Position:\n", StringComparison.Ordinal)].Split('\n');
        var positions = grown[grown.IndexOf("  Position:\n", StringComparison.Ordinal)..].Split('\n');
        var yaml = new StringBuilder(Ceasefires(3));
        yaml.Append("timeline:\n  - on: 2025-03-13\n    insert:\n      Proposal:\n");
        foreach (var line in proposals.Skip(4).Where(l => l.Length > 0))
        {
            yaml.Append("    ").Append(line).Append('\n');
        }

        yaml.Append("      Position:\n");
        foreach (var line in positions.Skip(7).Where(l => l.Length > 0))
        {
            yaml.Append("    ").Append(line).Append('\n');
        }

        var timeline = ByDefault.ReadTimeline(ByDefault.ParseScenario("grown.yaml", yaml.ToString()));
        Assert.Equal(9, timeline.Scenario.Facts.Count);
        Assert.Equal(210, timeline.Steps.Single().Insertions.Count);

        Assert.NotEmpty(ByDefault.CreateSession(timeline.Scenario, null, 219).Rules.Indexes);
        Assert.Empty(ByDefault.CreateSession(timeline.Scenario, null).Rules.Indexes);
        Assert.Equal(TimelineJsonWriter.ToJson(NeverIndexed.RunTimeline(timeline)), TimelineJsonWriter.ToJson(ByDefault.RunTimeline(timeline)));
    }

    /// <summary>Ceasefire proposals with Ukraine's and Russia's answers: every third accepted by both, the rest pending on Russia.</summary>
    private static string Ceasefires(int count)
    {
        var yaml = new StringBuilder("version: 1\nscenario: generated\nasOf: 2025-03-12\nfacts:\n  Proposal:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ id: p{i}, kind: ceasefire, title: Ceasefire {i}, mutual: true, proposedBy: [US], addressees: [UA, RU] }}\n");
        }

        yaml.Append("  Position:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ proposal: p{i}, party: UA, stance: accepted, since: 2025-03-11 }}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ proposal: p{i}, party: RU, stance: {(i % 3 == 0 ? "accepted" : "pending")}, since: 2025-03-11 }}\n");
        }

        return yaml.ToString();
    }
}
