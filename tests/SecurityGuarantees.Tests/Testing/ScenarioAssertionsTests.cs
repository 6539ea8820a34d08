using SecurityGuarantees.Results;
using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Testing.TestingFixtures;

namespace SecurityGuarantees.Tests.Testing;

/// <summary>The framework-neutral assertions: what they return and the exact messages they fail with.</summary>
public sealed class ScenarioAssertionsTests
{
    private static readonly EvaluationResult Result = Engine.Evaluate(Engine.LoadScenario(Path("passing/jeddah-pass.yaml")));

    [Fact]
    public void ShouldHold_Matching_ReturnsTheCondition()
    {
        var condition = Result.ShouldHold("ceasefire-pending", subject: "ceasefire-30d", parties: ["RU"]);

        Assert.Equal("ceasefire-30d", condition.Subject);
    }

    [Fact]
    public void ShouldHold_Missing_ThrowsWithWhatHoldsAndWhy()
    {
        var e = Assert.Throws<ScenarioAssertionException>(() => Result.ShouldHold("ceasefire-in-force"));

        Assert.Equal(
            """
            scenario jeddah-pass (as of 2025-03-12): expected condition ceasefire-in-force to hold, but it does not
              actual: no ceasefire-in-force condition holds
              conditions that hold (1):
                ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            e.Message);
        Assert.Single(e.Failures);
    }

    [Fact]
    public void ShouldHold_WrongParties_SaysHowItHolds()
    {
        var e = Assert.Throws<ScenarioAssertionException>(() => Result.ShouldHold("ceasefire-pending", parties: ["UA"]));

        Assert.Contains("expected condition ceasefire-pending (parties: [UA]) to hold, but it does not\n  actual: ceasefire-pending holds only as:\n    ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending", e.Message);
    }

    [Fact]
    public void ShouldNotHold_Holding_Throws()
    {
        Result.ShouldNotHold("ceasefire-in-force").ShouldNotHold("ceasefire-pending", subject: "other");

        var e = Assert.Throws<ScenarioAssertionException>(() => Result.ShouldNotHold("ceasefire-pending"));
        Assert.Equal(
            """
            scenario jeddah-pass (as of 2025-03-12): expected condition ceasefire-pending to be absent, but it holds
              actual (1):
                ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            e.Message);
    }

    [Fact]
    public void ShouldRecommend_ReturnsTheStep_OrThrowsWithWhatFollows()
    {
        Assert.Equal("RU", Result.ShouldRecommend("respond-to-ceasefire", actor: "RU").Actor);

        var e = Assert.Throws<ScenarioAssertionException>(() => Result.ShouldRecommend("respond-to-ceasefire", actor: "UA"));
        Assert.Equal(
            """
            scenario jeddah-pass (as of 2025-03-12): expected next step respond-to-ceasefire (actor: UA) to follow, but it does not
              actual: respond-to-ceasefire follows only as:
                respond-to-ceasefire (actor: RU, subject: ceasefire-30d) because rule ceasefire-pending
              next steps that follow (1):
                respond-to-ceasefire (actor: RU, subject: ceasefire-30d) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            e.Message);
    }

    [Fact]
    public void ShouldNotRecommend_Following_Throws()
    {
        Result.ShouldNotRecommend("respond-to-ceasefire", actor: "UA");

        var e = Assert.Throws<ScenarioAssertionException>(() => Result.ShouldNotRecommend("respond-to-ceasefire"));
        Assert.StartsWith("scenario jeddah-pass (as of 2025-03-12): expected next step respond-to-ceasefire to be absent, but it follows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldMeetExpectations_PassingScenario_ReturnsTheResult()
    {
        var scenario = Engine.LoadScenario(Path("passing/jeddah-pass.yaml"));

        Assert.Same(Result, Result.ShouldMeetExpectations(scenario));
    }

    [Fact]
    public void ShouldMeetExpectations_FailingScenario_ListsEveryFailureCompilerStyle()
    {
        var scenario = Engine.LoadScenario(Path("failing/jeddah-fail.yaml"));

        var e = Assert.Throws<ScenarioAssertionException>(() => Engine.Evaluate(scenario).ShouldMeetExpectations(scenario));

        Assert.Equal(3, e.Failures.Count);
        var message = Relative(e.Message);
        Assert.StartsWith("scenario jeddah-fail (as of 2025-03-12): 3 expectation(s) failed\nF/failing/jeddah-fail.yaml:17:7: expected condition ceasefire-in-force to hold", message, StringComparison.Ordinal);
        Assert.Contains("\nF/failing/jeddah-fail.yaml:19:15: expected next step respond-to-ceasefire (actor: UA) to follow, but it does not\n", message);
    }

    [Fact]
    public void ShouldMeetExpectations_NoExpectBlock_Throws()
    {
        var scenario = Engine.LoadScenario(Path("passing/no-expect.yaml"));

        var e = Assert.Throws<ScenarioAssertionException>(() => Engine.Evaluate(scenario).ShouldMeetExpectations(scenario));
        Assert.Equal("scenario jeddah-no-expect has no expect: block; add one to say what must hold", e.Message);
    }

    [Fact]
    public void ShouldPass_FailedTest_ThrowsWithTheTestNameAndFailures()
    {
        var testCase = ScenarioTestRunner.DiscoverTestCases([Path("failing/timeline-fail.yaml")])[1];
        var result = new ScenarioTestRunner(Engine).RunTestCase(testCase);

        var e = Assert.Throws<ScenarioAssertionException>(() => result.ShouldPass());

        Assert.Equal(
            """
            jeddah-timeline-fail @ 2025-03-13: 1 expectation(s) failed
            F/failing/timeline-fail.yaml:24:20: expected condition ceasefire-pending to hold, but it does not
              actual: no ceasefire-pending condition holds
              conditions that hold: none
            """.ReplaceLineEndings("\n"),
            Relative(e.Message));
    }

    [Fact]
    public void Assertions_OnBuiltinRules_ReadLikeTheRuleDocumentation()
    {
        // The built-in rules of rules/, asserted on a small fixture of Fixtures/domain.
        var engine = new ScenarioEngineBuilder().Build();
        var result = engine.Evaluate(engine.LoadScenario(TestPaths.Fixture("domain/ceasefire-pending.yaml")));

        result.ShouldHold("ceasefire-pending", subject: "jeddah", parties: ["RU"]);
        result.ShouldRecommend("respond-to-ceasefire", actor: "RU", subject: "jeddah");
        result.ShouldNotHold("ceasefire-in-force");
    }
}
