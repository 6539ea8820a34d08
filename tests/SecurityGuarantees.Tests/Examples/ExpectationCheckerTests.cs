using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Examples;

/// <summary>The expectation checker on small scenario files: passing and failing expectations and their messages.</summary>
public sealed class ExpectationCheckerTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static IReadOnlyList<ExpectationFailure> Check(string fixture)
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("domain/expectations/" + fixture));
        var diagnostics = new DiagnosticBag();
        var expectations = ExpectationParser.FromScenario(scenario, diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Items));
        return ExpectationChecker.Check(Engine.Evaluate(scenario), expectations!);
    }

    [Fact]
    public void Check_EveryKindOfExpectationHolds_NoFailures()
    {
        var failures = Check("pending-pass.yaml");
        Assert.True(failures.Count == 0, ExpectationChecker.Format(failures));
    }

    [Fact]
    public void Check_EveryKindOfExpectationFails_OneFailurePerItemInFileOrder()
    {
        var failures = Check("pending-fail.yaml");

        Assert.Equal(
            [
                (ExpectationFailureKind.ConditionMissing, 16, "ceasefire-in-force"),
                (ExpectationFailureKind.ConditionMissing, 17, "ceasefire-pending (parties: [RU, UA])"),
                (ExpectationFailureKind.NextStepMissing, 19, "convey-offer (actor: GB)"),
                (ExpectationFailureKind.ConditionPresent, 21, "ceasefire-pending (subject: jeddah)"),
                (ExpectationFailureKind.NextStepPresent, 22, "convey-offer (subject: jeddah)"),
                (ExpectationFailureKind.UnexpectedCondition, 23, "only: true"),
                (ExpectationFailureKind.UnexpectedNextStep, 23, "only: true"),
                (ExpectationFailureKind.UnexpectedNextStep, 23, "only: true"),
                (ExpectationFailureKind.UnexpectedNextStep, 23, "only: true"),
            ],
            failures.Select(f => (f.Kind, f.Location.Line, f.Expected)));
        Assert.All(failures, f => Assert.EndsWith("pending-fail.yaml", f.Location.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ConditionThatDoesNotHold_SaysNoneHoldsAndListsWhatDoesWithItsRules()
    {
        var failure = Check("pending-fail.yaml")[0];

        Assert.Equal(
            """
            expected condition ceasefire-in-force to hold, but it does not
              actual: no ceasefire-in-force condition holds
              conditions that hold (1):
                ceasefire-pending (subject: jeddah, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            failure.Message);
        Assert.StartsWith(TestPaths.Fixture("domain/expectations/pending-fail.yaml") + ":16:7: expected condition ceasefire-in-force", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConditionHoldingWithOtherParties_ShowsHowItHolds()
    {
        var failure = Check("pending-fail.yaml")[1];

        Assert.Equal(
            """
            expected condition ceasefire-pending (parties: [RU, UA]) to hold, but it does not
              actual: ceasefire-pending holds only as:
                ceasefire-pending (subject: jeddah, parties: [RU]) because rule ceasefire-pending
              conditions that hold (1):
                ceasefire-pending (subject: jeddah, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            failure.Message);
    }

    [Fact]
    public void Check_NextStepForAnotherActor_ShowsTheActorsItFollowsFor()
    {
        var failure = Check("pending-fail.yaml")[2];

        Assert.Equal(
            """
            expected next step convey-offer (actor: GB) to follow, but it does not
              actual: convey-offer follows only as:
                convey-offer (actor: SA, subject: jeddah) because rule ceasefire-pending.convey-offer
                convey-offer (actor: US, subject: jeddah) because rule ceasefire-pending.convey-offer
              next steps that follow (3):
                respond-to-ceasefire (actor: RU, subject: jeddah) because rule ceasefire-pending
                convey-offer (actor: SA, subject: jeddah) because rule ceasefire-pending.convey-offer
                convey-offer (actor: US, subject: jeddah) because rule ceasefire-pending.convey-offer
            """.ReplaceLineEndings("\n"),
            failure.Message);
    }

    [Fact]
    public void Check_AbsentItemsThatHold_ListEveryMatchWithItsRules()
    {
        var failures = Check("pending-fail.yaml");

        Assert.Equal(
            """
            expected condition ceasefire-pending (subject: jeddah) to be absent, but it holds
              actual (1):
                ceasefire-pending (subject: jeddah, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            failures[3].Message);
        Assert.Equal(
            """
            expected next step convey-offer (subject: jeddah) to be absent, but it follows
              actual (2):
                convey-offer (actor: SA, subject: jeddah) because rule ceasefire-pending.convey-offer
                convey-offer (actor: US, subject: jeddah) because rule ceasefire-pending.convey-offer
            """.ReplaceLineEndings("\n"),
            failures[4].Message);
    }

    [Fact]
    public void Check_OnlyTrue_ReportsEachUnexpectedConclusionWithItsRule()
    {
        var failures = Check("pending-fail.yaml");

        Assert.Equal(
            """
            expected only the listed conditions (only: true), but another holds
              actual: ceasefire-pending (subject: jeddah, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            failures[5].Message);
        Assert.Equal(
            """
            expected only the listed next steps (only: true), but another follows
              actual: respond-to-ceasefire (actor: RU, subject: jeddah) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            failures[6].Message);
    }

    [Fact]
    public void Check_NothingHolds_SaysNone()
    {
        var scenario = Engine.ParseScenario("empty.yaml", "scenario: empty\nasOf: 2025-03-12\nexpect:\n  conditions: [ceasefire-pending]\n  nextSteps: [convey-offer]\n");
        var expectations = ExpectationParser.FromScenario(scenario, new DiagnosticBag())!;

        var failures = ExpectationChecker.Check(Engine.Evaluate(scenario), expectations);

        Assert.Equal(
            [
                "empty.yaml:4:16: expected condition ceasefire-pending to hold, but it does not\n  actual: no ceasefire-pending condition holds\n  conditions that hold: none",
                "empty.yaml:5:15: expected next step convey-offer to follow, but it does not\n  actual: no convey-offer next step follows\n  next steps that follow: none",
            ],
            failures.Select(f => f.ToString()));
    }

    [Fact]
    public void Check_ManyConclusions_ListsAtMostForty()
    {
        var commitments = string.Concat(Enumerable.Range(1, 45).Select(i => $"    - {{ id: c{i:00}, party: P{i:00}, trigger: on-ceasefire }}\n"));
        var scenario = Engine.ParseScenario("many.yaml", $"scenario: many\nasOf: 2025-03-12\nfacts:\n  Commitment:\n{commitments}expect:\n  conditions: [ceasefire-in-force]\n");
        var expectations = ExpectationParser.FromScenario(scenario, new DiagnosticBag())!;

        var failure = Assert.Single(ExpectationChecker.Check(Engine.Evaluate(scenario), expectations));

        Assert.Contains("conditions that hold (46):", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2 + 1 + ExpectationChecker.ListAtMost + 1, failure.Message.Split('\n').Length);
        Assert.EndsWith("\n    ... and 6 more", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IdAlone_MatchesAnySubjectAndParties()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("domain/expectations/pending-pass.yaml"));
        var at = new SourceLocation("x.yaml", 1, 1);
        var set = new ExpectationSet(at, [new ConditionExpectation("ceasefire-pending", null, null, at)], [new NextStepExpectation("convey-offer", null, null, at)], [], [], false);

        Assert.Empty(ExpectationChecker.Check(Engine.Evaluate(scenario), set));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("jeddah", null, true)]
    [InlineData("jeddah", new[] { "RU" }, true)]
    [InlineData(null, new[] { "RU" }, true)]
    [InlineData("other", null, false)]
    [InlineData(null, new[] { "UA" }, false)]
    [InlineData(null, new[] { "RU", "UA" }, false)]
    [InlineData(null, new string[0], false)]
    public void ConditionExpectation_MatchesByTheFieldsGiven(string? subject, string[]? parties, bool matches)
    {
        var expectation = new ConditionExpectation("ceasefire-pending", subject, parties, default);
        Assert.Equal(matches, expectation.Matches("ceasefire-pending", "jeddah", ["RU"]));
        Assert.False(expectation.Matches("ceasefire-in-force", "jeddah", ["RU"]));
    }
}
