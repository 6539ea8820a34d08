using SecurityGuarantees.Domain;

namespace SecurityGuarantees.Tests.Indexing;

/// <summary>
/// Facts of a type that every rule reads through index lookups stay out of NRules (<see cref="SecurityGuarantees.Compilation.Indexing.IndexOnlyTypes"/>):
/// which types qualify, that the session still rejects what NRules would have rejected, and that explanations still see them.
/// Results staying identical is shown by the equivalence tests (indexing on and off, every example).
/// </summary>
public sealed class IndexOnlyTypeTests
{
    private const string Pending = """
        version: 1
        ruleset: r
        rules:
          - id: pending
            when:
              - fact: Proposal
                as: p
                where: kind == "ceasefire"
              - fact: Position
                where: proposal == p.id && party == "UA" && stance == "accepted"
              - not:
                  fact: Position
                  where: proposal == p.id && party == "RU" && stance in ["accepted", "rejected"]
            then:
              - condition: pending
                subject: "{p.id}"
        """;

    private const string Scenario = """
        scenario: s
        asOf: 2025-03-12
        facts:
          Proposal:
            - { id: cf, kind: ceasefire, title: Ceasefire, mutual: true }
          Position:
            - { proposal: cf, party: UA, stance: accepted }
        """;

    private static ScenarioEngine Engine(string rules, bool indexed = true) =>
        new ScenarioEngineBuilder().AddRuleText("r.yaml", rules).WithIndexedJoins(indexed).Build();

    [Fact]
    public void ATypeReadOnlyThroughLookups_IsIndexOnly_TheLeftSideIsNot()
    {
        var engine = Engine(Pending);
        Assert.Equal([typeof(Position)], engine.Rules.IndexOnlyTypes);
        Assert.Empty(Engine(Pending, indexed: false).Rules.IndexOnlyTypes);
    }

    [Theory]
    [InlineData("      - fact: Position\n        where: stance == \"rejected\"\n")] // a pattern with no join to index
    [InlineData("      - count: Position\n        where: party == \"RU\"\n        as: n\n        atLeast: 1\n")]
    [InlineData("      - exists:\n          fact: Position\n          where: party == \"RU\"\n")]
    public void AnyOtherRuleReadingTheTypeInNRules_KeepsItThere(string element)
    {
        var engine = Engine(Pending + "\n  - id: other\n    when:\n" + element + "    then:\n      - condition: other\n");
        Assert.DoesNotContain(typeof(Position), engine.Rules.IndexOnlyTypes);
        Assert.Contains(engine.Evaluate(engine.ParseScenario("s.yaml", Scenario)).Conditions, c => c.Id == "pending");
    }

    [Fact]
    public void BuiltInRules_SomeTypesAreIndexOnly()
    {
        // Which ones follows from the rules; that there are some is what makes the shortcut worth having.
        Assert.NotEmpty(new ScenarioEngineBuilder().WithIndexedJoins(true).Build().Rules.IndexOnlyTypes);
    }

    [Fact]
    public void InsertOfAKeyTheSessionHolds_RejectedAsNRulesWould_AndNothingChanges()
    {
        var (session, asOf) = Evaluated();
        var twin = new Position { Proposal = "cf", Party = "UA", Stance = Stance.Rejected };
        var ru = new Position { Proposal = "cf", Party = "RU", Stance = Stance.Accepted };

        var e = Assert.Throws<ArgumentException>(() => session.Insert([ru, twin]));
        Assert.Equal("Facts for insert already exist (Parameter 'facts')", e.Message);
        session.Fire(CancellationToken.None);
        // ru was not inserted either (all or nothing): the ceasefire is still pending.
        Assert.Contains(session.Snapshot("s", asOf).Conditions, c => c.Id == "pending");
        Assert.DoesNotContain(ru, session.Query());
    }

    [Theory]
    [InlineData(true, "Facts for update do not exist (Parameter 'facts')")]
    [InlineData(false, "Facts for retract do not exist (Parameter 'facts')")]
    public void UpdateOrRetractOfAnUnknownKey_RejectedAsNRulesWould(bool update, string message)
    {
        var (session, _) = Evaluated();
        var unknown = new Position { Proposal = "cf", Party = "RU", Stance = Stance.Accepted };
        var thrown = Assert.Throws<ArgumentException>(() =>
        {
            if (update)
            {
                session.Update([unknown]);
            }
            else
            {
                session.Retract([unknown]);
            }
        });
        Assert.Equal(message, thrown.Message);
    }

    [Fact]
    public void Explanations_StillSeeIndexOnlyFacts()
    {
        var (session, _) = Evaluated();
        Assert.Single(session.Query().OfType<Position>());
    }

    /// <summary>A session of <see cref="Pending"/> (Position index-only) over <see cref="Scenario"/>, inserted and fired.</summary>
    private static (SecurityGuarantees.Evaluation.ScenarioSession Session, DateOnly AsOf) Evaluated()
    {
        var engine = Engine(Pending);
        var scenario = engine.ParseScenario("s.yaml", Scenario);
        var session = engine.CreateSession(scenario, null);
        session.Insert(scenario.Facts);
        session.Fire(CancellationToken.None);
        return (session, scenario.AsOf!.Value);
    }
}
