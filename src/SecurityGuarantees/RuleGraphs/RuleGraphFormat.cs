namespace SecurityGuarantees;

/// <summary>The text formats of <see cref="ScenarioEngine.GetRuleGraph"/>.</summary>
public enum RuleGraphFormat
{
    /// <summary>A Mermaid flowchart, which GitHub and many wikis render.</summary>
    Mermaid,

    /// <summary>A Graphviz DOT digraph.</summary>
    Dot,
}
