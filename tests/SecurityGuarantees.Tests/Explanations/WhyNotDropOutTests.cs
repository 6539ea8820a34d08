using SecurityGuarantees.Explanations;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Explanations;

/// <summary>why-not follows every candidate fact to the element where it dropped out, not only the one that got furthest.</summary>
public sealed class WhyNotDropOutTests
{
    private static readonly string Scenario = TestPaths.Fixture("explain/own-proposal.yaml");

    private static ScenarioEngine Shipped { get; } = new ScenarioEngineBuilder().Build();

    [Fact]
    public void ByAcceptance_ShowsTheAuthorsOwnProposal_DroppingOutAtTheBelligerentsCheck()
    {
        var rule = Assert.Single(Shipped.WhyNot(Shipped.LoadScenario(Scenario), "ceasefire-in-force.by-acceptance").Rules);

        Assert.Equal(3, rule.FirstFailing);
        var byKey = rule.DroppedOut.ToDictionary(d => d.Fact.Key);
        Assert.Equal(["jeddah-ceasefire", "my-draft", "my-energy-truce"], byKey.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 3), (byKey["jeddah-ceasefire"].BoundAt, byKey["jeddah-ceasefire"].DroppedAt));
        Assert.Equal((1, 2), (byKey["my-energy-truce"].BoundAt, byKey["my-energy-truce"].DroppedAt));
        Assert.Equal("exists", rule.Elements[byKey["my-energy-truce"].DroppedAt].Kind);
        var draft = byKey["my-draft"];
        Assert.Equal((1, 1), (draft.BoundAt, draft.DroppedAt));
        Assert.Contains(draft.Fact.Conjuncts, c => c.Values == "status = draft");
        Assert.DoesNotContain(rule.DroppedOut, d => d.Fact.Type == "Today");
    }

    [Fact]
    public void WhyNotCommand_Text_ListsWhereEachCandidateDroppedOut()
    {
        var (exitCode, output, _) = Run("why-not", Scenario, "--rule", "ceasefire-in-force.by-acceptance");

        Assert.Equal(0, exitCode);
        var tail = output[output.IndexOf("  where each candidate dropped out:\n", StringComparison.Ordinal)..];
        Assert.Equal(
            $"""
              where each candidate dropped out:
                Proposal jeddah-ceasefire ({Scenario}:12) as p: matched element 2, dropped out at element 4 (not, builtin:rules/ceasefire.yaml:52), the first failing one
                Proposal my-draft ({Scenario}:14) [with today = Today 2025-03-12]: 4 of 5 hold; status not in ["draft", "expired", "lapsed"] is false (status = draft) [dropped out at element 2 (fact, builtin:rules/ceasefire.yaml:42)]
                Proposal my-energy-truce ({Scenario}:13) as p: matched element 2, dropped out at element 3 (exists, builtin:rules/ceasefire.yaml:48)

            """.ReplaceLineEndings("\n"),
            tail);
    }

    [Fact]
    public void WhyNotCommand_Markdown_ListsWhereEachCandidateDroppedOut()
    {
        var (exitCode, output, _) = Run("why-not", Scenario, "--rule", "ceasefire-in-force.by-acceptance", "--format", "markdown");

        Assert.Equal(0, exitCode);
        Assert.Contains("\nWhere each candidate dropped out:\n\n- Proposal jeddah-ceasefire (", output);
        Assert.Contains("\n- Proposal my-energy-truce (", output);
        Assert.Contains("dropped out at element 3 (exists, builtin:rules/ceasefire.yaml:48)\n", output);
    }

    [Fact]
    public void APatternThatFails_KeepsItsClosestFacts_AndListsNoCandidateTwice()
    {
        var rule = Assert.Single(Shipped.WhyNot(Shipped.LoadScenario(Scenario), "ceasefire-in-force").Rules);

        var failing = rule.Elements[rule.FirstFailing!.Value];
        Assert.NotEmpty(failing.Closest);
        Assert.DoesNotContain(rule.DroppedOut, d => failing.Closest.Any(c => c.Label == d.Fact.Label));
    }

    [Fact]
    public void ARuleThatFired_HasNoDropOuts()
    {
        var rule = Assert.Single(Shipped.WhyNot(Shipped.LoadScenario(Scenario), "ceasefire-pending").Rules);

        Assert.True(rule.Fired);
        Assert.Empty(rule.DroppedOut);
    }

    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = SecurityGuarantees.Cli.CliApplication.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
