using SecurityGuarantees.Reporting;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Indexing;

/// <summary>
/// Changes of indexed facts in a running session (timeline steps): the index is updated and the lookups of the changed
/// keys re-read their bucket, so truth maintenance gives what the unindexed join gives, step by step.
/// </summary>
public sealed class IndexedJoinTruthMaintenanceTests
{
    /// <summary>The parties every scenario here starts from.</summary>
    private const string Parties = """
          Party:
            - { id: UA, name: Ukraine, roles: [belligerent] }
            - { id: RU, name: Russia, roles: [belligerent] }
            - { id: US, name: United States, roles: [mediator] }
        """;

    private static readonly string Scenario = Yaml("index-tm", """
          Proposal:
            - { id: cf-a, kind: ceasefire, title: Ceasefire A, mutual: true, proposedBy: [US] }
            - { id: cf-b, kind: ceasefire, title: Ceasefire B, mutual: true, proposedBy: [US] }
            - { id: cf-c, kind: ceasefire, title: Ceasefire C, mutual: true, proposedBy: [US] }
          Position:
            - { proposal: cf-a, party: UA, stance: accepted }
            - { proposal: cf-b, party: UA, stance: accepted }
            - { proposal: cf-b, party: RU, stance: accepted }
            - { proposal: cf-c, party: RU, stance: pending }
        """);

    public static TheoryData<string, string> Steps() => new()
    {
        { "update a stance", """
            - on: 2025-03-12
              update:
                Position:
                  - { proposal: cf-b, party: RU, stance: pending }
            - on: 2025-03-13
              update:
                Position:
                  - { proposal: cf-b, party: RU, stance: accepted }
            """ },
        { "retract a position", """
            - on: 2025-03-12
              retract:
                Position:
                  - { proposal: cf-b, party: RU }
            - on: 2025-03-13
              retract:
                Position:
                  - { proposal: cf-a, party: UA }
            """ },
        { "insert a position for an existing proposal", """
            - on: 2025-03-12
              insert:
                Position:
                  - { proposal: cf-a, party: RU, stance: accepted }
            - on: 2025-03-13
              insert:
                Position:
                  - { proposal: cf-c, party: UA, stance: conditional, conditions: [sanctions-relief] }
            """ },
        { "move a position to another proposal", """
            - on: 2025-03-12
              retract:
                Position:
                  - { proposal: cf-b, party: RU }
              insert:
                Position:
                  - { proposal: cf-a, party: RU, stance: accepted }
            - on: 2025-03-13
              retract:
                Position:
                  - { proposal: cf-a, party: RU }
                  - { proposal: cf-c, party: RU }
              insert:
                Position:
                  - { proposal: cf-b, party: RU, stance: accepted }
                  - { proposal: cf-c, party: UA, stance: accepted }
            """ },
        { "change the left side and the right side in one step", """
            - on: 2025-03-12
              update:
                Proposal:
                  - { id: cf-a, kind: ceasefire, title: Ceasefire A renamed, mutual: true, proposedBy: [US] }
                Position:
                  - { proposal: cf-a, party: UA, stance: pending }
              insert:
                Position:
                  - { proposal: cf-c, party: UA, stance: accepted }
            - on: 2025-03-13
              update:
                Position:
                  - { proposal: cf-a, party: UA, stance: accepted }
                  - { proposal: cf-c, party: RU, stance: accepted }
            """ },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void TimelineChangingIndexedFacts_SameJsonAsUnindexed(string name, string steps)
    {
        Assert.NotEmpty(name);
        var yaml = Scenario + "\ntimeline:\n" + string.Join('\n', steps.Split('\n').Select(l => "  " + l));
        var (on, off) = IndexedJoinEquivalenceTests.Engines(null);
        var expected = Run(off, yaml);
        var actual = Run(on, yaml);
        Assert.Equal(TimelineJsonWriter.ToJson(expected), TimelineJsonWriter.ToJson(actual));
        Assert.Contains(expected.Steps, s => !s.Added.IsEmpty || !s.Removed.IsEmpty || !s.Changed.IsEmpty); // the steps matter
    }

    [Fact]
    public void IndexFilledBeforeAnyLookupExists_LaterLookupsReadIt_SameJsonAsUnindexed()
    {
        // The positions go into an index that no lookup has read (no proposal yet), so that fill pokes nothing; the
        // proposals inserted later must still find them, and later changes must reach the lookups created since.
        var yaml = Yaml("index-unread", """
              Position:
                - { proposal: cf-a, party: UA, stance: accepted }
                - { proposal: cf-b, party: UA, stance: accepted }
                - { proposal: cf-b, party: RU, stance: accepted }
            timeline:
              - on: 2025-03-12
                insert:
                  Position:
                    - { proposal: cf-a, party: RU, stance: pending }
              - on: 2025-03-13
                insert:
                  Proposal:
                    - { id: cf-a, kind: ceasefire, title: Ceasefire A, mutual: true, proposedBy: [US] }
                    - { id: cf-b, kind: ceasefire, title: Ceasefire B, mutual: true, proposedBy: [US] }
              - on: 2025-03-14
                update:
                  Position:
                    - { proposal: cf-a, party: RU, stance: accepted }
                    - { proposal: cf-b, party: RU, stance: rejected }
            """);
        var (on, off) = IndexedJoinEquivalenceTests.Engines(null);
        var expected = Run(off, yaml);
        var actual = Run(on, yaml);
        Assert.Equal(TimelineJsonWriter.ToJson(expected), TimelineJsonWriter.ToJson(actual));
        Assert.NotEmpty(expected.Steps[1].Added.Conditions); // the proposals found the positions inserted before them
        Assert.False(expected.Steps[2].Added.IsEmpty && expected.Steps[2].Removed.IsEmpty && expected.Steps[2].Changed.IsEmpty);
    }

    [Fact]
    public void FactsMovingInAndOutOfAFilteredIndex_SameJsonAsUnindexed()
    {
        // The built-in conditions-added reads Demand where holder == pos.party && kind in pos.conditions && status == "open"
        // && timing == "precondition": its index holds open preconditions only, so updates move demands in and out of it.
        var yaml = Yaml("index-filter", """
              Proposal:
                - { id: cf-a, kind: ceasefire, title: Ceasefire A, mutual: true, proposedBy: [US] }
              Position:
                - { proposal: cf-a, party: UA, stance: accepted }
                - { proposal: cf-a, party: RU, stance: conditional, conditions: [neutrality, army-cap] }
              Demand:
                - { id: d1, holder: RU, target: UA, kind: neutrality, timing: precondition }
                - { id: d2, holder: RU, target: UA, kind: army-cap, timing: settlement }
            timeline:
              - on: 2025-03-12
                update:
                  Demand:
                    - { id: d2, holder: RU, target: UA, kind: army-cap, timing: precondition }
              - on: 2025-03-13
                update:
                  Demand:
                    - { id: d1, holder: RU, target: UA, kind: neutrality, timing: precondition, status: withdrawn }
              - on: 2025-03-14
                update:
                  Demand:
                    - { id: d2, holder: UA, target: RU, kind: army-cap, timing: precondition }
              - on: 2025-03-15
                update:
                  Demand:
                    - { id: d1, holder: RU, target: UA, kind: neutrality, timing: precondition }
                  Position:
                    - { proposal: cf-a, party: RU, stance: conditional, conditions: [army-cap] }
            """);
        var (on, off) = IndexedJoinEquivalenceTests.Engines(null);
        var expected = Run(off, yaml);
        var actual = Run(on, yaml);
        Assert.Equal(TimelineJsonWriter.ToJson(expected), TimelineJsonWriter.ToJson(actual));
        static int Justifications(Results.EvaluationResult state) =>
            state.Conditions.Where(c => c.Id == "conditions-added").Sum(c => c.Justifications.Count);
        Assert.Equal([1, 2, 1, 0, 0], [Justifications(expected.Initial), .. expected.Steps.Select(s => Justifications(s.State))]);
    }

    /// <summary>A scenario file: the header, <see cref="Parties"/>, then the rest (more facts, a timeline), indented as under <c>facts:</c>.</summary>
    private static string Yaml(string id, string rest) =>
        $"version: 1\nscenario: {id}\nasOf: 2025-03-11\nfacts:\n{Parties}\n{rest}";

    private static TimelineResult Run(ScenarioEngine engine, string yaml) => engine.RunTimeline(engine.ParseTimeline("index-tm.yaml", yaml));
}
