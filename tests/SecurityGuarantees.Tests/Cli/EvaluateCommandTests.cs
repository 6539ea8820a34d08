using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Cli;

public sealed class EvaluateCommandTests
{
    private static readonly string Rules = TestPaths.Fixture("rules/ceasefire-pending.yaml");
    private static readonly string Scenario = TestPaths.Fixture("scenarios/jeddah.yaml");

    [Fact]
    public void Evaluate_Text_PrintsConditionsAndNextStepsWithReasons()
    {
        var (exitCode, output, error) = Run("evaluate", Scenario, "--rules", Rules);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("warning  ceasefire-pending (ceasefire-30d) [RU]", output);
        Assert.Contains("because rule ceasefire-pending matched Proposal ceasefire-30d, Position ceasefire-30d/UA", output);
        Assert.Contains("  RU\n    - respond-to-ceasefire (ceasefire-30d)", output);
        Assert.DoesNotContain("\r", output);
    }

    [Fact]
    public void Evaluate_JsonForSeveralScenarios_WritesJsonLines()
    {
        var (exitCode, output, _) = Run("evaluate", Scenario, Scenario, "--rules", Rules, "--format", "json");
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(lines[0], lines[1]);
        Assert.StartsWith("{\"scenario\":\"jeddah-test\",\"asOf\":\"2025-03-12\"", lines[0]);
    }

    [Fact]
    public void Evaluate_AsOf_OverridesTheScenarioDate()
    {
        var (_, output, _) = Run("evaluate", Scenario, "--rules", Rules, "--format", "json", "--as-of", "2025-05-01");
        Assert.Contains("\"asOf\":\"2025-05-01\"", output);
    }

    [Fact]
    public void Evaluate_Markdown_WritesTables()
    {
        var (exitCode, output, _) = Run("evaluate", Scenario, "--rules", Rules, "--format", "markdown");
        Assert.Equal(0, exitCode);
        Assert.Contains("| warning | `ceasefire-pending` | ceasefire-30d | RU |", output);
    }

    [Fact]
    public void LoadErrors_GoToStderrCompilerStyle_AndExitWith2()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"sg-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, "ruleset: x\nrules:\n  - id: r\n    when:\n      - fact: Proposl\n    then: [{ condition: c }]\n");
        try
        {
            var (exitCode, output, error) = Run("evaluate", Scenario, "--rules", broken);
            Assert.Equal(2, exitCode);
            Assert.Equal("", output);
            Assert.Contains($"{broken}:5:15: error SG0302: unknown fact type 'Proposl' (hint: did you mean 'Proposal'?)", error);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void MissingScenarioFile_ExitsWith2()
    {
        var (exitCode, _, error) = Run("evaluate", "no-such-file.yaml", "--rules", Rules);
        Assert.Equal(2, exitCode);
        Assert.Contains("error SG0001", error);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("evaluate", "x.yaml", "--format", "pdf")]
    [InlineData("evaluate", "x.yaml", "--as-of", "12/03/2025")]
    [InlineData("evaluate", "x.yaml", "--max-firings", "0")]
    [InlineData("frobnicate")]
    public void BadCommandLine_ExitsWith2(params string[] args)
    {
        var (exitCode, output, error) = Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.NotEqual("", error);
    }

    [Fact]
    public void EvaluationFailure_ExitsWith1()
    {
        var loop = Path.Combine(Path.GetTempPath(), $"sg-loop-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(loop, "ruleset: loop\nrules:\n  - id: self-defeating\n    when:\n      - not: { fact: Commitment, where: id == \"x\" }\n    then:\n      - insert: { Commitment: { id: x } }\n");
        try
        {
            var (exitCode, _, error) = Run("evaluate", Scenario, "--rules", loop, "--max-firings", "20");
            Assert.Equal(1, exitCode);
            Assert.Contains("error SG0501", error);
            Assert.Contains("self-defeating", error);
        }
        finally
        {
            File.Delete(loop);
        }
    }
}
