using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Timelines;

public sealed class TimelineCommandTests
{
    private static readonly string Rules = TestPaths.Fixture("timelines/rules.yaml");
    private static readonly string Basic = TestPaths.Fixture("timelines/basic.yaml");

    [Fact]
    public void Text_ShowsEachStepWithItsNoteAndPlusMinusLines()
    {
        var (exitCode, output, error) = Run("timeline", Basic, "--rules", Rules);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Timeline timeline-basic, 2025-03-11 to 2025-03-26 (5 steps)\nA ceasefire offer, an answer taken back, a pause that runs out\n\nAt the start, 2025-03-11\n", output);
        Assert.Contains("""
            2025-03-18  Russia accepts the ceasefire
              - condition  warning  ceasefire-pending (ceasefire-30d) [RU]
              - next step  RU:      respond-to-ceasefire (ceasefire-30d)
              - next step  US:      convey-offer (ceasefire-30d)

            """.Replace("\r", "", StringComparison.Ordinal), output);
        Assert.Contains("""
            2025-03-21
              + condition  warning  proposal-expired (energy-pause)
                  The energy pause ran out after 2025-03-20
                  because rule proposal-expired matched Today 2025-03-21, Proposal energy-pause
              + next step  RU:      seek-renewal (energy-pause)
                  Renew The energy pause
            """.Replace("\r", "", StringComparison.Ordinal), output);
        Assert.Contains("  ~ condition  info     force-census (reassurance-force)\n      nations committed to a reassurance force: 2\n", output);
        Assert.Contains("\nAt the end, 2025-03-26\n", output);
        Assert.DoesNotContain("\r", output);
    }

    [Fact]
    public void Json_IsOneLine_InTheDocumentedOrder_AndStable()
    {
        var (exitCode, output, error) = Run("timeline", Basic, "--rules", Rules, "--format", "json");
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.EndsWith("\n", output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("{\"scenario\":\"timeline-basic\",\"asOf\":\"2025-03-11\",\"initial\":{\"conditions\":[", output);
        Assert.Contains("{\"on\":\"2025-03-21\",\"note\":null,\"added\":{\"conditions\":[{\"id\":\"proposal-expired\"", output);
        Assert.Contains("],\"final\":{\"conditions\":[", output);
        Assert.Equal(output, Run("timeline", Basic, "--rules", Rules, "--format", "json").Out);
    }

    [Fact]
    public void Markdown_HasASectionPerStep()
    {
        var (exitCode, output, _) = Run("timeline", Basic, "--rules", Rules, "--format", "markdown");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("# Timeline `timeline-basic`, 2025-03-11 to 2025-03-26\n", output);
        Assert.Contains("## 2025-03-18: Russia accepts the ceasefire\n", output);
        Assert.Contains("| removed | warning `ceasefire-pending` | ceasefire-30d | RU | The 30-day ceasefire accepted by Ukraine; Russia has not answered |  |", output);
        Assert.Contains("| added | next step `seek-renewal` | energy-pause | US | Renew The energy pause | rule seek-renewal matched", output);
        Assert.Contains("## At the end, 2025-03-26\n", output);
    }

    [Fact]
    public void TheShippedTimeline_RunsOnTheBuiltInRules()
    {
        var (exitCode, output, error) = Run("timeline", TestPaths.Repo("examples/timelines/2025-ceasefire.yaml"));
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("2025-04-19  Putin declares a 30-hour Easter truce; Ukraine mirrors it and proposes 30 days\n  + condition  info     ceasefire-in-force (easter-truce)\n", output);
        Assert.Contains("  - condition  info     ceasefire-in-force (easter-truce)\n", output);
    }

    [Fact]
    public void TimelineErrors_GoToStderrCompilerStyle_AndExitWith2()
    {
        var broken = TestPaths.Fixture("timelines/broken.yaml");
        var (exitCode, output, error) = Run("timeline", broken, "--rules", Rules);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"{broken}:22:11: error SG0404: cannot retract Proposal 'p2' on 2025-03-15: no Proposal has that key at this point (hint: did you mean 'p1'?)\n", error);
        Assert.EndsWith("9 error(s), 0 warning(s)\n", error);
    }

    [Fact]
    public void ABrokenTimeline_DoesNotBreakEvaluate()
    {
        var (exitCode, _, error) = Run("evaluate", TestPaths.Fixture("timelines/broken.yaml"), "--rules", Rules);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
    }

    [Fact]
    public void MissingFile_ExitsWith2()
    {
        var (exitCode, output, error) = Run("timeline", "no-such-file.yaml", "--rules", Rules);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error SG0001", error);
    }

    [Fact]
    public void BrokenRules_ExitWith2()
    {
        var (exitCode, _, error) = Run("timeline", Basic, "--rules", TestPaths.Fixture("timelines/basic.yaml"));
        Assert.Equal(2, exitCode);
        Assert.Contains("error SG", error);
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("timeline", "a.yaml", "b.yaml")]
    [InlineData("timeline", "x.yaml", "--format", "pdf")]
    [InlineData("timeline", "x.yaml", "--max-firings", "0")]
    [InlineData("timeline", "x.yaml", "--as-of", "2025-03-12")]
    public void BadCommandLine_ExitsWith2(params string[] args)
    {
        var (exitCode, output, error) = Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.NotEqual("", error);
    }

    [Fact]
    public void EvaluationFailure_ExitsWith1_NamingTheRule()
    {
        var scenario = TestPaths.Fixture("timelines/loop-scenario.yaml");
        var (exitCode, output, error) = Run("timeline", scenario, "--rules", TestPaths.Fixture("timelines/loop.yaml"), "--max-firings", "50");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"{scenario}: error SG0501: evaluation stopped after 50 rule firings", error);
        Assert.Contains("self-defeating", error);
    }
}
