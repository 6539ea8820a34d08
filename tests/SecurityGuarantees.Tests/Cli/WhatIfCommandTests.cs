using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Cli;

public sealed class WhatIfCommandTests
{
    private static readonly string Rules = TestPaths.Fixture("whatif/rules.yaml");
    private static readonly string Scenario = TestPaths.Fixture("whatif/scenario.yaml");

    [Fact]
    public void WhatIf_Text_PrintsTheMatrix()
    {
        var (exitCode, output, error) = Run("whatif", Scenario, "--rules", Rules);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("What if: whatif-test as of 2025-03-12: 12 variants over 3 dimensions, 6 distinct outcomes\n", output);
        Assert.Contains("  accepted                       false                           present                  1      x   .   .   .\n", output);
    }

    [Fact]
    public void WhatIf_JsonWithCommandLineDimensions_IsDeterministic()
    {
        string[] args = ["whatif", Scenario, "--rules", Rules, "--format", "json", "--vary", "Commitment[us-backstop].size=1000,6000", "--vary-present", "Observation[shelling]"];
        var (exitCode, first, _) = Run(args);
        var (_, second, _) = Run(args);
        Assert.Equal(0, exitCode);
        Assert.Equal(first, second);
        Assert.Single(first.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("{\"fact\":\"Commitment[us-backstop]\",\"field\":\"size\",\"values\":[1000,6000]},{\"fact\":\"Observation[shelling]\",\"present\":[true,false]}", first);
        Assert.Contains("\"Commitment[us-backstop].size\":6000,\"Observation[shelling]\":false},\"conditions\":[{\"id\":\"backstop-ready\"", first);
    }

    [Fact]
    public void WhatIf_Markdown_WritesATable()
    {
        var (exitCode, output, _) = Run("whatif", Scenario, "--rules", Rules, "--format", "markdown");
        Assert.Equal(0, exitCode);
        Assert.Contains("| accepted | false | present | 1 | ✓ |  |  |  |\n", output);
    }

    [Fact]
    public void WhatIf_BadAddressesOnTheCommandLineAndInTheFile_AllReported_ExitWith2()
    {
        var (exitCode, output, error) = Run("whatif", TestPaths.Fixture("whatif/bad-vary.yaml"), "--rules", Rules, "--vary", "Position[x.stance=a");
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("--vary:1:18: error SG0801: 'Position[x.stance' is not a fact address", error);
        Assert.Contains("bad-vary.yaml:15:11: error SG0802:", error);
        Assert.Contains("bad-vary.yaml:22:12: error SG0803:", error);
        Assert.Contains("bad-vary.yaml:26:14: error SG0804:", error);
        Assert.Contains("bad-vary.yaml:27:5: error SG0806:", error);
    }

    [Fact]
    public void WhatIf_UnknownFactOnTheCommandLine_SG0802_ExitWith2()
    {
        var (exitCode, _, error) = Run("whatif", Scenario, "--rules", Rules, "--vary-present", "Commitment[us-backstp]");
        Assert.Equal(2, exitCode);
        Assert.Contains("--vary-present:1:12: error SG0802: scenario 'whatif-test' has no Commitment with the key 'us-backstp' (hint: did you mean 'us-backstop'?)", error);
    }

    [Fact]
    public void WhatIf_OverTheCap_SG0805_ExitWith2()
    {
        var (exitCode, _, error) = Run("whatif", Scenario, "--rules", Rules, "--max-variants", "4");
        Assert.Equal(2, exitCode);
        Assert.Contains("error SG0805: 3 × 2 × 2 combinations is more than the cap of 4", error);
    }

    [Fact]
    public void WhyNot_Suggest_PrintsSetLines()
    {
        var (exitCode, output, _) = Run("why-not", TestPaths.Fixture("whatif/both-pending.yaml"), "--rules", Rules, "--condition", "ceasefire-agreed", "--suggest");
        Assert.Equal(0, exitCode);
        Assert.Contains("Condition ceasefire-agreed does not hold", output);
        Assert.Contains("suggestion 1 (2 changes):\n  set Position[truce-30d/UA].stance = accepted\n  set Position[truce-30d/RU].stance = accepted\n", output);
    }

    [Fact]
    public void WhyNot_SuggestForARule_Json()
    {
        var (exitCode, output, _) = Run("why-not", Scenario, "--rules", Rules, "--rule", "unilateral-truce", "--suggest", "--format", "json");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("{\"scenario\":\"whatif-test\",\"asOf\":\"2025-03-12\",\"goal\":\"hold\",\"target\":{\"kind\":\"rule\",\"id\":\"unilateral-truce\"", output);
        Assert.Contains("\"text\":\"set Proposal[truce-30d].unilateral = true\"", output);
    }

    [Fact]
    public void WhyNot_Suggest_MaxChanges_NoSuggestionIsAnAnswer()
    {
        var (exitCode, output, _) = Run("why-not", Scenario, "--rules", Rules, "--condition", "backstop-ready", "--suggest", "--max-changes", "2");
        Assert.Equal(0, exitCode);
        Assert.Contains("no suggestion within 2 changes", output);
    }

    [Theory]
    [InlineData("why-not", "--condition", "ceasefire-agreed", "--max-changes", "2")]
    [InlineData("explain", "--condition", "guarantee-credible", "--max-changes", "2")]
    [InlineData("why-not", "--condition", "ceasefire-agreed", "--suggest", "--max-changes", "0")]
    [InlineData("explain", "--what-stops")]
    [InlineData("explain", "--condition", "guarantee-credible", "--what-stops", "--format", "mermaid")]
    public void WhatIfFlags_Misused_ExitWith2(params string[] args)
    {
        var (exitCode, _, error) = Run([args[0], Scenario, "--rules", Rules, .. args[1..]]);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public void Explain_WhatStops_TwoJustifications()
    {
        var (exitCode, output, _) = Run("explain", Scenario, "--rules", Rules, "--condition", "guarantee-credible", "--what-stops", "--max-changes", "2");
        Assert.Equal(0, exitCode);
        Assert.Contains("because rule guarantee-credible.backstop", output);
        Assert.Contains("suggestion 1 (2 changes):\n  remove Commitment[us-backstop]\n  remove Commitment[fr-force]\n", output);
    }

    [Fact]
    public void Explain_WhatStops_Json()
    {
        var (exitCode, output, _) = Run("explain", Scenario, "--rules", Rules, "--condition", "ceasefire-pending", "--what-stops", "--format", "json");
        Assert.Equal(0, exitCode);
        Assert.Contains("\"goal\":\"stop\"", output);
        Assert.Contains("\"text\":\"remove Position[truce-30d/RU]\"", output);
    }
}
