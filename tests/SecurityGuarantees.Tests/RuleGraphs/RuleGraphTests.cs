using System.Text.RegularExpressions;
using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.RuleGraphs;

public sealed partial class RuleGraphTests
{
    private static readonly string Clean = TestPaths.Fixture("lint/clean.yaml");

    [Fact]
    public void Mermaid_ShowsTheChainFromFactsToNextSteps()
    {
        var (exitCode, output, error) = Run("graph", "--rules", Clean);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal("""
            flowchart LR
              %% fact types [(  )], rules [  ], conditions {{  }}, next steps ([  ]); dotted: read under not:
              fact_Proposal[("Proposal")]
              rule_pending["pending"]
              rule_pending_respond["pending.respond"]
              condition_pending{{"pending"}}
              step_respond(["respond"])
              fact_Proposal --> rule_pending
              rule_pending --> condition_pending
              rule_pending_respond --> step_respond
              condition_pending --> rule_pending_respond
              classDef facttype fill:#eef3fb,stroke:#4a6fa5
              class fact_Proposal facttype
              classDef rule fill:#ffffff,stroke:#555555
              class rule_pending,rule_pending_respond rule
              classDef condition fill:#fff4e0,stroke:#c98a1b
              class condition_pending condition
              classDef nextstep fill:#e8f6ec,stroke:#2e8b57
              class step_respond nextstep

            """, output);
    }

    [Fact]
    public void Dot_IsAGraphvizDigraph()
    {
        var (exitCode, output, _) = Run("graph", "--rules", Clean, "--format", "dot");
        Assert.Equal(0, exitCode);
        Assert.Equal("""
            digraph rules {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=10];
              fact_Proposal [label="Proposal", shape=cylinder];
              rule_pending [label="pending", shape=box];
              rule_pending_respond [label="pending.respond", shape=box];
              condition_pending [label="pending", shape=hexagon];
              step_respond [label="respond", shape=ellipse];
              fact_Proposal -> rule_pending;
              rule_pending -> condition_pending;
              rule_pending_respond -> step_respond;
              condition_pending -> rule_pending_respond;
            }

            """, output);
    }

    [Fact]
    public void NegatedReads_Inserts_AndUnderivedConditions_AreShown()
    {
        var engine = TestEngines.FromText("""
            ruleset: g
            rules:
              - id: a-b
                when:
                  - fact: Proposal
                    as: p
                  - not: { fact: Condition, where: id == "blocked" }
                then:
                  - insert: { Document: { id: "doc-{p.id}" } }
              - id: a_b
                when:
                  - fact: Document
                  - fact: NextStep
                then:
                  - condition: blocked
            """);
        var graph = engine.GetRuleGraph();
        Assert.Contains("  rule_a_b[\"a-b\"]\n  rule_a_b_2[\"a_b\"]\n", graph);
        Assert.Contains("  condition_blocked -. not .-> rule_a_b\n", graph);
        Assert.Contains("  rule_a_b --> fact_Document\n", graph);
        Assert.Contains("  fact_Document --> rule_a_b_2\n", graph);
        Assert.Contains("  step_any_NextStep([\"any NextStep\"])\n", graph);
        Assert.Contains("condition_blocked -> rule_a_b [style=dashed, label=\"not\"];", engine.GetRuleGraph(RuleGraphFormat.Dot));
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        var first = new ScenarioEngineBuilder().AddRules(TestPaths.Repo("rules")).Build().GetRuleGraph();
        var second = new ScenarioEngineBuilder().AddRules(TestPaths.Repo("rules")).Build().GetRuleGraph();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Readme_ShowsTheCurrentGraphOfTheShippedRules()
    {
        var readme = File.ReadAllText(TestPaths.Repo("README.md")).ReplaceLineEndings("\n");
        var match = ReadmeBlock().Match(readme);
        Assert.True(match.Success, "README.md has no <!-- rule-graph:start --> ```mermaid ... ``` <!-- rule-graph:end --> block");
        var expected = new ScenarioEngineBuilder().Build().GetRuleGraph();
        Assert.True(match.Groups[1].Value == expected,
            "the README's rule graph is out of date: replace the block with the output of 'security-guarantees graph'");
    }

    [GeneratedRegex("<!-- rule-graph:start -->\n```mermaid\n(.*?)```\n<!-- rule-graph:end -->", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();

}
