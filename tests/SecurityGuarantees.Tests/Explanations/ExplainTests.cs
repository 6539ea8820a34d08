using SecurityGuarantees.Cli;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Explanations;

public sealed class ExplainTests
{
    private static readonly string Rules = TestPaths.Fixture("explain/rules.yaml");
    private static readonly string ScenarioFile = TestPaths.Fixture("explain/scenario.yaml");
    private static readonly string ParisE5 = TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml");

    internal static int LineOf(string path, string text) =>
        File.ReadAllLines(path).Select((line, i) => (line, i)).First(x => x.line.Contains(text, StringComparison.Ordinal)).i + 1;

    internal static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static Explanation ExplainFixture(ExplanationQuery? query = null)
    {
        var engine = new ScenarioEngineBuilder().AddRules(Rules).Build();
        return engine.Explain(engine.LoadScenario(ScenarioFile), query);
    }

    [Fact]
    public void Explain_NextStep_RecursesThroughDerivedConditionsToScenarioFacts()
    {
        var explanation = ExplainFixture(new ExplanationQuery { NextStep = "press-for-answer" });

        var root = Assert.Single(explanation.Conclusions);
        Assert.Equal(("NextStep", "press-for-answer/US/ceasefire-30d", ExplainedFactOrigin.Derived), (root.Type, root.Key, root.Origin));
        var press = Assert.Single(root.Justifications);
        Assert.Equal("press", press.Rule);
        Assert.Equal(File.ReadAllLines(Rules).ToList().FindIndex(l => l.Trim() == "- id: press") + 1, press.RuleLocation.Line);
        Assert.EndsWith("rules.yaml", press.RuleLocation.File, StringComparison.Ordinal);

        var pressure = press.Matched[0];
        Assert.Equal(("Condition", "pressure/ceasefire-30d", ExplainedFactOrigin.Derived), (pressure.Type, pressure.Key, pressure.Origin));
        Assert.Equal("United States presses for an answer", pressure.Text);
        Assert.Equal(ExplainedFactOrigin.Today, press.Matched[1].Origin);

        var pending = pressure.Justifications.Single().Matched[0];
        Assert.Equal("Condition pending/ceasefire-30d", pending.Label);
        var pendingRule = pending.Justifications.Single();
        Assert.Equal(("pending", "Ceasefire pending from Russia"), (pendingRule.Rule, pendingRule.Title));
        var proposal = pendingRule.Matched[0];
        Assert.Equal(("Proposal", "ceasefire-30d", ExplainedFactOrigin.Scenario), (proposal.Type, proposal.Key, proposal.Origin));
        Assert.Equal(LineOf(ScenarioFile, "id: ceasefire-30d"), proposal.Location!.Value.Line);
        Assert.Equal(LineOf(ScenarioFile, "party: UA, stance: accepted"), pendingRule.Matched[1].Location!.Value.Line);
        Assert.Equal("Party US", pressure.Justifications.Single().Matched[1].Label);
    }

    [Fact]
    public void Explain_WithoutQuery_ExplainsEveryConclusion_AndMarksRepeatsAsExplainedAbove()
    {
        var explanation = ExplainFixture();
        Assert.Equal(["Condition pending/ceasefire-30d", "Condition pressure/ceasefire-30d", "NextStep press-for-answer/US/ceasefire-30d"],
            explanation.Conclusions.Select(c => c.Label));
        Assert.All(explanation.Conclusions, c => Assert.False(c.ExplainedAbove));
        Assert.Equal("explain-fixture", explanation.Scenario);
    }

    [Fact]
    public void Explain_UnknownId_GivesNoConclusions()
    {
        Assert.Empty(ExplainFixture(new ExplanationQuery { Condition = "nothing-like-this" }).Conclusions);
        Assert.Empty(ExplainFixture(new ExplanationQuery { Condition = "pending", Subject = "other" }).Conclusions);
    }

    [Fact]
    public void TextWriter_ShowsRulesFactsAndTheirFileLines()
    {
        var output = new StringWriter();
        ExplanationTextWriter.Write(ExplainFixture(new ExplanationQuery { Condition = "pressure" }), output);
        var text = output.ToString();
        Assert.Contains("Condition pressure/ceasefire-30d: United States presses for an answer", text);
        Assert.Contains($"because rule pressure \"A mediator presses\" ({Rules}:{LineOf(Rules, "- id: pressure")})", text);
        Assert.Contains($"- Condition pending/ceasefire-30d (derived): Waiting for Russia", text);
        Assert.Contains($"- Party US ({ScenarioFile}:{LineOf(ScenarioFile, "id: US")})", text);
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void MermaidWriter_DrawsOneNodePerFact_WithEscapedLabelsAndDeterministicIds()
    {
        var explanation = ExplainFixture();
        var first = new StringWriter();
        var second = new StringWriter();
        ExplanationMermaidWriter.Write(explanation, first);
        ExplanationMermaidWriter.Write(ExplainFixture(), second);
        var graph = first.ToString();

        Assert.Equal(graph, second.ToString());
        Assert.StartsWith("graph TD\n  f1[\"Condition pending/ceasefire-30d\"]\n", graph, StringComparison.Ordinal);
        // Shared facts are one node: the Proposal appears once although three conclusions rest on it.
        Assert.Single(graph.Split('\n'), l => l.Contains("[\"Proposal ceasefire-30d", StringComparison.Ordinal));
        Assert.Contains("-->|because| r1", graph);
        Assert.Contains("r1 -->|matched| f2", graph);
        Assert.Contains("class f1,", graph);
        Assert.Equal("a #quot;b#quot; #lt;c#gt; #35;d #amp; #96;e#96; f", ExplanationMermaidWriter.Escape("a \"b\" <c> #d & `e`\nf"));
    }

    [Fact]
    public void MarkdownWriter_WritesAHeadingPerConclusion()
    {
        var output = new StringWriter();
        ExplanationMarkdownWriter.Write(ExplainFixture(new ExplanationQuery { Condition = "pending" }), output);
        var text = output.ToString();
        Assert.StartsWith("# Why: `explain-fixture` as of 2025-03-12\n\n## Condition `pending/ceasefire-30d`\n", text, StringComparison.Ordinal);
        Assert.Contains("Waiting for Russia on the Jeddah \"30-day\" ceasefire &lt;draft>", text);
        Assert.Contains("- because rule `pending` — Ceasefire pending from Russia", text);
    }

    [Fact]
    public void Cli_Explain_ShippedRules_RecursesFromNextStepToTheDemandInTheScenarioFile()
    {
        var (exitCode, output, error) = Run("explain", ParisE5, "--rules", TestPaths.Repo("rules"), "--next-step", "reject-demand", "--actor", "FR");
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("NextStep reject-demand/FR/ru-demilitarisation", output);
        Assert.Contains("because rule demand-conflicts-with-first-guarantee.reject-demand", output);
        Assert.Contains("- Condition demand-conflicts-with-first-guarantee/ru-demilitarisation (derived)", output);
        var guarantees = TestPaths.Repo("rules/guarantees.yaml");
        Assert.Contains($"because rule demand-conflicts-with-first-guarantee \"A demand would weaken Ukraine's army, the first guarantee\" ({guarantees}:{LineOf(guarantees, "- id: demand-conflicts-with-first-guarantee")})", output);
        Assert.Contains($"- Demand ru-demilitarisation ({ParisE5}:{LineOf(ParisE5, "id: ru-demilitarisation")})", output);
        Assert.Contains($"- Principle army-first-guarantee/FR ({ParisE5}:", output);
        Assert.DoesNotContain("NextStep reject-demand/DE", output);
    }

    [Fact]
    public void Cli_Explain_Mermaid_IsAGraph()
    {
        var (exitCode, output, _) = Run("explain", ParisE5, "--rules", TestPaths.Repo("rules"), "--condition", "ceasefire-pending", "--format", "mermaid");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("graph TD\n  f1[\"Condition ceasefire-pending/jeddah-ceasefire\"]\n  r1[/\"rule ceasefire-pending<br/>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_Explain_ConditionThatDoesNotHold_Exits1_ListingWhatHoldsAndPointingToWhyNot()
    {
        var (exitCode, output, error) = Run("explain", ParisE5, "--rules", TestPaths.Repo("rules"), "--condition", "ceasefire-in-force");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error: condition 'ceasefire-in-force' does not hold in scenario paris-e5-2025-03-12", error);
        Assert.Contains("conditions that hold: ceasefire-pending (jeddah-ceasefire), contingency-planning-only (reassurance-force)", error);
        Assert.Contains($"why-not {ParisE5} --condition ceasefire-in-force", error);
    }

    [Fact]
    public void Cli_Explain_MisspeltCondition_SuggestsTheClosest()
    {
        var (exitCode, _, error) = Run("explain", ParisE5, "--rules", TestPaths.Repo("rules"), "--condition", "ceasefire-pendng");
        Assert.Equal(1, exitCode);
        Assert.Contains("did you mean 'ceasefire-pending'?", error);
    }

    [Fact]
    public void Cli_Explain_LoadErrorsAndBadArguments_Exit2()
    {
        Assert.Equal(2, Run("explain", TestPaths.Fixture("explain/missing.yaml"), "--rules", Rules).ExitCode);
        Assert.Equal(2, Run("explain", ScenarioFile, "--rules", Rules, "--condition", "a", "--next-step", "b").ExitCode);
        Assert.Equal(2, Run("explain", ScenarioFile, "--rules", Rules, "--format", "yaml").ExitCode);
    }

    [Fact]
    public void Cli_ExplainAndWhyNot_FormatJson_PrintOneJsonObjectEach()
    {
        var (exitCode, output, _) = Run("explain", ParisE5, "--rules", TestPaths.Repo("rules"), "--condition", "ceasefire-pending", "--format", "json");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("{\"scenario\":\"paris-e5-2025-03-12\",\"asOf\":\"2025-03-12\",\"conclusions\":[{\"type\":\"Condition\",\"key\":\"ceasefire-pending/jeddah-ceasefire\"", output, StringComparison.Ordinal);
        Assert.EndsWith("}\n", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        (exitCode, output, _) = Run("why-not", ParisE5, "--rules", TestPaths.Repo("rules"), "--rule", "ceasefire-in-force", "--format", "json");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("{\"scenario\":\"paris-e5-2025-03-12\",\"asOf\":\"2025-03-12\",\"condition\":null,\"conditionHolds\":[],\"rules\":[{\"rule\":\"ceasefire-in-force\"", output, StringComparison.Ordinal);
        Assert.Contains("\"fired\":false", output, StringComparison.Ordinal);
    }
}
