using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Testing;
using static SecurityGuarantees.Tests.Testing.TestingFixtures;

namespace SecurityGuarantees.Tests.Testing;

/// <summary>The library's test runner over real scenario files: discovery, outcomes, exact failure messages, coverage.</summary>
public sealed class ScenarioTestRunnerTests
{
    private static readonly ScenarioTestRunner Runner = new(Engine);

    [Fact]
    public void FindScenarioFiles_Folder_FindsScenarioYamlRecursivelySortedAndSkipsRuleFiles()
    {
        var files = ScenarioTestRunner.FindScenarioFiles([Folder, Path("passing/jeddah-pass.yaml")]).Select(Relative).ToList();

        Assert.Equal(
        [
            "F/broken/bad-expect.yaml",
            "F/failing/jeddah-absent-fails.yaml",
            "F/failing/jeddah-fail.yaml",
            "F/failing/timeline-fail.yaml",
            "F/passing/jeddah-pass.yaml",
            "F/passing/no-expect.yaml",
            "F/passing/timeline-pass.yaml",
        ], files);
        Assert.Empty(ScenarioTestRunner.FindScenarioFiles([Support.TestPaths.Repo("rules")]));
    }

    [Fact]
    public void FindScenarioFiles_MissingFile_IsKeptSoLoadingReportsIt()
    {
        var run = Runner.Run([Path("missing.yaml")]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SG0001", diagnostic.Code);
        Assert.True(run.HasLoadErrors);
        Assert.Empty(run.Results);
    }

    [Fact]
    public void DiscoverTestCases_Timeline_GivesTheScenarioAndEachStepWithExpect()
    {
        var cases = ScenarioTestRunner.DiscoverTestCases([Path("passing/timeline-pass.yaml")]);

        Assert.Equal(["jeddah-timeline-pass", "jeddah-timeline-pass @ 2025-03-13", "jeddah-timeline-pass @ 2025-03-15"], cases.Select(c => c.Name));
        Assert.Equal([null, 1, 3], cases.Select(c => c.Step));
    }

    [Fact]
    public void Run_PassingFolder_AllPass_NoExpectationsCountsAsPassed()
    {
        var run = Runner.Run([Path("passing")]);

        Assert.Equal(5, run.Passed);
        Assert.Equal(0, run.Failed);
        Assert.Equal(1, run.WithoutExpectations);
        Assert.Equal(ScenarioTestOutcome.NoExpectations, run.Results.Single(r => r.TestCase.Scenario == "jeddah-no-expect").Outcome);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Coverage.RulesNeverFired);
        Assert.Empty(run.Coverage.ConditionsNeverExpected);
    }

    [Fact]
    public void Run_FailingScenario_ReportsEachFailureWithExpectedActualAndReasons()
    {
        var run = Runner.Run([Path("failing/jeddah-fail.yaml")]);

        var result = Assert.Single(run.Results);
        Assert.Equal(ScenarioTestOutcome.Failed, result.Outcome);
        Assert.Equal(
            [ExpectationFailureKind.ConditionMissing, ExpectationFailureKind.ConditionMissing, ExpectationFailureKind.NextStepMissing],
            result.Failures.Select(f => f.Kind));
        Assert.Equal(
            """
            F/failing/jeddah-fail.yaml:17:7: expected condition ceasefire-in-force to hold, but it does not
              actual: no ceasefire-in-force condition holds
              conditions that hold (1):
                ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending
            F/failing/jeddah-fail.yaml:18:7: expected condition ceasefire-pending (subject: other-ceasefire) to hold, but it does not
              actual: ceasefire-pending holds only as:
                ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending
              conditions that hold (1):
                ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending
            F/failing/jeddah-fail.yaml:19:15: expected next step respond-to-ceasefire (actor: UA) to follow, but it does not
              actual: respond-to-ceasefire follows only as:
                respond-to-ceasefire (actor: RU, subject: ceasefire-30d) because rule ceasefire-pending
              next steps that follow (1):
                respond-to-ceasefire (actor: RU, subject: ceasefire-30d) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            Relative(result.Describe()));
    }

    [Fact]
    public void Run_AbsentConditionHolds_SaysWhichAndWhy()
    {
        var result = Assert.Single(Runner.Run([Path("failing/jeddah-absent-fails.yaml")]).Results);

        Assert.Equal(
            """
            F/failing/jeddah-absent-fails.yaml:16:26: expected condition ceasefire-pending to be absent, but it holds
              actual (1):
                ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending
            """.ReplaceLineEndings("\n"),
            Relative(result.Describe()));
    }

    [Fact]
    public void Run_TimelineStepFails_TheScenarioPassesAndTheStepFailsAtItsExpect()
    {
        var run = Runner.Run([Path("failing/timeline-fail.yaml")]);

        Assert.Equal(["jeddah-timeline-fail", "jeddah-timeline-fail @ 2025-03-13"], run.Results.Select(r => r.TestCase.Name));
        Assert.Equal([ScenarioTestOutcome.Passed, ScenarioTestOutcome.Failed], run.Results.Select(r => r.Outcome));
        var step = run.Results[1];
        Assert.Equal(new DateOnly(2025, 3, 13), step.Result!.AsOf);
        Assert.Equal(
            """
            F/failing/timeline-fail.yaml:24:20: expected condition ceasefire-pending to hold, but it does not
              actual: no ceasefire-pending condition holds
              conditions that hold: none
            """.ReplaceLineEndings("\n"),
            Relative(step.Describe()));
    }

    [Fact]
    public void Run_TimelineStep_IsCheckedAgainstTheStateAfterThatStep()
    {
        var run = Runner.Run([Path("passing/timeline-pass.yaml")]);

        Assert.All(run.Results, r => Assert.Equal(ScenarioTestOutcome.Passed, r.Outcome));
        Assert.Empty(run.Results[1].Result!.Conditions);
        Assert.Equal("ceasefire-pending", Assert.Single(run.Results[2].Result!.Conditions).Id);
    }

    [Fact]
    public void Run_LoadErrorInExpect_IsADiagnostic_AndTheOtherFilesStillRun()
    {
        var run = Runner.Run([Path("broken"), Path("passing/jeddah-pass.yaml")]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("F/broken/bad-expect.yaml:17:3: error SG0102: unknown key 'absnt' in 'expect' (hint: did you mean 'absent'?)", Relative(diagnostic.ToString()));
        Assert.Equal("jeddah-pass", Assert.Single(run.Results).TestCase.Scenario);
        Assert.True(run.HasLoadErrors);
    }

    [Fact]
    public void Run_Coverage_ListsRulesNeverFiredAndConditionsNeverExpected()
    {
        var engine = new ScenarioEngineBuilder()
            .AddRules(TestingFixtures.RuleFile)
            .AddRuleText("extra.yaml", """
                version: 1
                ruleset: extra
                rules:
                  - id: never-fires
                    when:
                      - fact: Proposal
                        where: kind == "truce"
                    then:
                      - condition: truce-proposed
                """)
            .Build();

        var run = new ScenarioTestRunner(engine).Run([Path("passing/no-expect.yaml")]);

        Assert.Equal(["never-fires"], run.Coverage.RulesNeverFired);
        Assert.Equal(["ceasefire-pending", "truce-proposed"], run.Coverage.ConditionsNeverExpected);
    }

    [Fact]
    public void Run_FiringLimit_IsAnErrorOutcome()
    {
        // The limit counts author rule firings; a rule that defeats its own not: exceeds any limit.
        var looping = new ScenarioEngineBuilder()
            .AddRules(TestPaths.Fixture("rules/ceasefire-pending.yaml"))
            .AddRuleText("loop.yaml", "ruleset: loop\nrules:\n  - id: self-defeating\n    when:\n      - not: { fact: Commitment, where: id == \"x\" }\n    then:\n      - insert: { Commitment: { id: x } }\n")
            .Build();
        var run = new ScenarioTestRunner(looping, maxFirings: 5).Run([Path("passing/jeddah-pass.yaml")]);

        var result = Assert.Single(run.Results);
        Assert.Equal(ScenarioTestOutcome.Error, result.Outcome);
        Assert.StartsWith("SG0501", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, run.Failed);
    }

    [Fact]
    public void RunTestCase_Step_RunsThatStep()
    {
        var testCase = ScenarioTestRunner.DiscoverTestCases([Path("failing/timeline-fail.yaml")])[1];

        var result = Runner.RunTestCase(testCase);

        Assert.Equal(ScenarioTestOutcome.Failed, result.Outcome);
        Assert.Equal("jeddah-timeline-fail @ 2025-03-13", result.TestCase.Name);
    }

    [Fact]
    public void RunTestCase_LoadError_Throws()
    {
        var testCase = Assert.Single(ScenarioTestRunner.DiscoverTestCases([Path("broken/bad-expect.yaml")]));

        var e = Assert.Throws<SecurityGuarantees.Diagnostics.RuleLoadException>(() => Runner.RunTestCase(testCase));
        Assert.Equal("SG0102", Assert.Single(e.Diagnostics).Code);
    }
}
