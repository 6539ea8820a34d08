using SecurityGuarantees.Cli;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Linting;

public sealed class LintTests
{
    private static readonly string CleanScenario = Lint("clean-scenario.yaml");
    private static readonly string UnconsumedScenario = Lint("unconsumed-scenario.yaml");

    [Fact]
    public void CleanRuleSet_ReportsNothingAndExitsZero()
    {
        var (exitCode, output, error) = Run("lint", "--rules", Lint("clean.yaml"), "--scenarios", CleanScenario);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal("lint: 2 rule(s), 1 scenario path(s): 0 error(s), 0 warning(s), 0 info(s)\n", output);
    }

    [Fact]
    public void ConditionNoRuleDerives_IsAWarningWithASuggestion()
    {
        var (exitCode, _, error) = Run("lint", "--rules", Lint("underived.yaml"), "--scenarios", CleanScenario);
        Assert.Equal(0, exitCode);
        Assert.Contains($"{Lint("underived.yaml")}:6:9: warning SG0701: no rule derives condition 'ceasefire-pendng', so rule 'reads-a-typo' can never match it (hint: did you mean 'ceasefire-pending'?)\n", error);
    }

    [Fact]
    public void WarnAsError_MakesWarningsFail()
    {
        Assert.Equal(1, Run("lint", "--rules", Lint("underived.yaml"), "--scenarios", CleanScenario, "--warnaserror").ExitCode);
        Assert.Equal(0, Run("lint", "--rules", Lint("clean.yaml"), "--scenarios", CleanScenario, "--warnaserror").ExitCode);
    }

    [Fact]
    public void ConditionNobodyReadsNorExpects_IsAnInfo_AndExpectationsInTimelineStepsCount()
    {
        var (exitCode, output, error) = Run("lint", "--rules", Lint("unconsumed.yaml"), "--scenarios", UnconsumedScenario, "--warnaserror");
        Assert.Equal(0, exitCode); // infos never fail
        Assert.Equal($"{Lint("unconsumed.yaml")}:11:9: info SG0702: condition 'nobody-reads-this' is derived, but no rule reads it and no scenario expects it (hint: list it under 'expect:' in a scenario that should produce it, or remove it if nobody reads it)\n", error);
        Assert.EndsWith("0 error(s), 0 warning(s), 1 info(s)\n", output);

        // Without the scenario, 'pending' (expected absent in a timeline step) is reported too.
        var (_, _, withoutScenario) = Run("lint", "--rules", Lint("unconsumed.yaml"), "--scenarios", Lint("no-expect-scenario.yaml"));
        Assert.Contains("condition 'pending' is derived", withoutScenario);
    }

    [Fact]
    public void UnusedBinding_IsAWarning()
    {
        var (_, _, error) = Run("lint", "--rules", Lint("unused-binding.yaml"), "--scenarios", CleanScenario);
        Assert.Equal($"{Lint("unused-binding.yaml")}:7:13: warning SG0703: binding 'today' is never used in rule 'pending' (hint: remove 'as:', or use the binding in a later 'where:' or in a 'then' template)\n", error);
    }

    [Fact]
    public void ContradictoryConstants_AreErrors_OrWarningsUnderNot()
    {
        var (exitCode, output, error) = Run("lint", "--rules", Lint("contradiction.yaml"), "--scenarios", CleanScenario);
        Assert.Equal(1, exitCode);
        Assert.Contains(":8:16: error SG0704: rule 'two-kinds' can never fire: kind == \"ceasefire\" && kind == \"truce\" cannot all hold for one value of 'kind'", error);
        Assert.Contains(":16:16: error SG0704: rule 'empty-range' can never fire: durationDays > 5 && durationDays < 3 cannot all hold", error);
        Assert.Contains(":26:18: warning SG0705: this Proposal element can never match: mutual && !mutual cannot all hold for one value of 'mutual' (hint: the 'not:' around it always holds", error);
        Assert.DoesNotContain("'satisfiable'", error);
        Assert.Contains("2 error(s), 1 warning(s)", output);
    }

    [Fact]
    public void DuplicateRulesAndConclusions_AreWarnings()
    {
        var (_, _, error) = Run("lint", "--rules", Lint("duplicate.yaml"), "--scenarios", CleanScenario);
        var file = Lint("duplicate.yaml");
        Assert.Contains($"{file}:12:5: warning SG0706: rule 'pending-again' has the same 'when' and 'then' as rule 'pending' ({file}:4:5)", error);
        Assert.Contains($"{file}:26:9: warning SG0706: rule 'pending-with-text' derives condition 'pending' (subject {{p.id}}) from the same 'when' as rule 'pending'", error);
    }

    [Fact]
    public void DerivationCycle_IsAWarningThatShowsTheCycle()
    {
        var (exitCode, _, error) = Run("lint", "--rules", Lint("cycle.yaml"), "--scenarios", CleanScenario);
        Assert.Equal(0, exitCode);
        Assert.Equal($"{Lint("cycle.yaml")}:4:5: warning SG0707: derivation cycle: rule 'a' derives condition 'from-a', read by rule 'b', which derives condition 'from-b', read by rule 'a' (hint: rules in a cycle can keep each other firing; make sure the chain ends, or break it)\n", error);
    }

    [Fact]
    public void RuleThatDefeatsItsOwnNot_IsAnError()
    {
        var (exitCode, _, error) = Run("lint", "--rules", Lint("self-defeat.yaml"), "--scenarios", CleanScenario);
        Assert.Equal(1, exitCode);
        Assert.Contains($"{Lint("self-defeat.yaml")}:12:9: error SG0708: rule 'flip-flop' produces a Condition that its own 'not:' (line 8) excludes: it would fire, retract and fire again", error);
        Assert.DoesNotContain("error SG0708: rule 'different-subject'", error);
        Assert.Contains("warning SG0707: rule 'different-subject' reads what it derives: condition 'answered' under 'not:'", error);
    }

    [Fact]
    public void RuleLoadErrors_ExitTwo()
    {
        var (exitCode, output, error) = Run("lint", "--rules", Lint("broken.yaml"));
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error SG0302: unknown fact type 'Proposl' (hint: did you mean 'Proposal'?)", error);
    }

    [Fact]
    public void ScenarioLoadErrors_ExitTwo()
    {
        var (exitCode, _, error) = Run("lint", "--rules", Lint("clean.yaml"), "--scenarios", Lint("broken-scenario.yaml"));
        Assert.Equal(2, exitCode);
        Assert.Contains("error SG0205: 'ceasfire' is not a valid kind of Proposal", error);
    }

    [Fact]
    public void ShippedRules_LintClean_EvenWithWarningsAsErrors()
    {
        var (exitCode, output, error) = Run("lint", "--rules", TestPaths.Repo("rules"), "--scenarios", TestPaths.Repo("examples/scenarios"),
            TestPaths.Repo("examples/timelines"), "--warnaserror");
        Assert.True(exitCode == 0, error);
        Assert.Equal("", error);
        Assert.Contains(" 0 error(s), 0 warning(s), 0 info(s)", output);
    }

    [Fact]
    public void OwnRulesBesideTheBuiltInSet_ReportOnlyTheAuthorsFiles_UnlessIncludeBuiltIn()
    {
        var own = Lint("unconsumed.yaml");
        var (exitCode, output, error) = Run("lint", "--rules", "builtin", "--rules", own, "--scenarios", CleanScenario);
        var (_, allOutput, all) = Run("lint", "--rules", own, "--include-builtin", "--scenarios", CleanScenario);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("builtin:", error);
        Assert.Contains($"{own}:", error);
        Assert.Matches(@"\d+ note\(s\) on the built-in rules not shown \(--include-builtin shows them\)\n$", error);
        Assert.Contains("builtin:rules/", all);
        Assert.Contains($"{own}:", all);
        Assert.StartsWith("lint: 41 rule(s)", allOutput, StringComparison.Ordinal);
        Assert.StartsWith("lint: 41 rule(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnRulesReadingBuiltInConditions_LintedAlone_AreToldToLintWithTheBuiltInSet()
    {
        var own = Lint("underived.yaml");
        var (_, _, error) = Run("lint", "--rules", own, "--scenarios", CleanScenario);

        Assert.Contains("warning SG0701", error);
        Assert.EndsWith($"note: if your rules build on the built-in rules, lint them together: security-guarantees lint --rules builtin --rules {own}\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryLint_ReturnsTheSameDiagnostics()
    {
        var engine = TestEngines.FromFixtures("lint/contradiction.yaml");
        var diagnostics = engine.Lint([CleanScenario]);
        Assert.Equal(["SG0704", "SG0702", "SG0704", "SG0705", "SG0702", "SG0702"], diagnostics.Select(d => d.Code));
        Assert.Equal(2, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Throws<RuleLoadException>(() => engine.Lint([Lint("broken-scenario.yaml")]));
    }

    private static string Lint(string file) => TestPaths.Fixture(Path.Combine("lint", file));

}
