using SecurityGuarantees.Domain;
using SecurityGuarantees.Results;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

public sealed class RuleConstructTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml", "rules/constructs.yaml");

    private static EvaluationResult Evaluate() => Engine.Evaluate(Engine.LoadScenario(TestPaths.Fixture("scenarios/constructs.yaml")));

    private static string Keys(IEnumerable<FactReference> because) => string.Join(" ", because.Select(b => $"{b.Type}:{b.Key}"));

    [Fact]
    public void Each_GivesOneNextStepPerListElement_ChainedOnADerivedCondition()
    {
        var steps = Evaluate().NextSteps.Where(s => s.Id == "convey-offer").ToList();
        Assert.Equal(["GB", "US"], steps.Select(s => s.Actor));
        Assert.All(steps, s => Assert.Equal("p1", s.Subject));
        Assert.Equal("GB conveys the offer", steps[0].Text);
        Assert.Equal("Condition:ceasefire-pending/p1 Proposal:p1", Keys(steps[0].Justifications.Single().Because));
    }

    [Fact]
    public void Count_DistinctWithAtLeast_CountsDistinctPartiesAndAddsCountedFactsSortedByKey()
    {
        var condition = Evaluate().Conditions.Single(c => c.Id == "broad-coalition");
        Assert.Equal("3 nations commit", condition.Text);
        Assert.Equal("Commitment:c1 Commitment:c2 Commitment:c3 Commitment:c4", Keys(condition.Justifications.Single().Because));
    }

    [Fact]
    public void Count_WithoutThreshold_AlwaysMatchesAndCountsInsertedFacts()
    {
        Assert.Equal("6 commitments", Evaluate().Conditions.Single(c => c.Id == "commitment-census").Text);
        Assert.DoesNotContain(Evaluate().Conditions, c => c.Id == "few-commitments");
    }

    [Fact]
    public void Count_OverNoFacts_MatchesWithZero()
    {
        var result = Engine.Evaluate(Engine.ParseScenario("empty.yaml", "scenario: empty\nasOf: 2025-01-01\n"));
        Assert.Equal("0 commitments", result.Conditions.Single(c => c.Id == "commitment-census").Text);
        Assert.Contains(result.Conditions, c => c.Id == "few-commitments");
    }

    [Fact]
    public void Exists_GivesOneMatchHoweverManyFacts()
    {
        var condition = Evaluate().Conditions.Single(c => c.Id == "some-rejection");
        Assert.Empty(Assert.Single(condition.Justifications).Because);
    }

    [Fact]
    public void Any_GivesOneJustificationPerMatchingAlternative_AndMergesParties()
    {
        var condition = Evaluate().Conditions.Single(c => c.Id == "mediated");
        Assert.Equal("p1", condition.Subject);
        Assert.Equal(["GB", "US"], condition.Parties);
        Assert.Equal(["Proposal:p1 Party:GB", "Proposal:p1 Party:US"], condition.Justifications.Select(j => Keys(j.Because)));
    }

    [Fact]
    public void NotOverAll_MeansEveryBelligerentAccepted()
    {
        var result = Evaluate();
        Assert.Equal(["p3"], result.Conditions.Where(c => c.Id == "all-accepted").Select(c => c.Subject));
    }

    [Fact]
    public void Insert_LinksTheFactAndRulesChainOnIt()
    {
        var result = Evaluate();
        var inserted = Assert.Single(result.InsertedFacts);
        Assert.Equal(("Commitment", "monitor-p3"), (inserted.Type, inserted.Key));
        Assert.Equal(CommitmentKind.Monitoring, ((Commitment)inserted.Fact).Kind);
        Assert.Equal("UA", ((Commitment)inserted.Fact).Beneficiary);
        Assert.Equal("monitor-p3", result.Conditions.Single(c => c.Id == "monitoring-planned").Subject);
    }
}
