using SecurityGuarantees.RuleGraphs;

namespace SecurityGuarantees;

public sealed partial class ScenarioEngine
{
    /// <summary>
    /// The graph of the loaded rules: the fact types they read, the conditions, next steps and facts they derive, and the
    /// rules that read those conditions, so an author sees the chain from facts to next steps. Deterministic output.
    /// </summary>
    /// <param name="format">Mermaid (default) or DOT.</param>
    /// <returns>The graph as text with a final newline.</returns>
    public string GetRuleGraph(RuleGraphFormat format = RuleGraphFormat.Mermaid)
    {
        var graph = RuleGraph.Build(Rules);
        return format == RuleGraphFormat.Dot ? graph.ToDot() : graph.ToMermaid();
    }
}
