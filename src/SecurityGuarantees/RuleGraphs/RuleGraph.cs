using System.Text;
using SecurityGuarantees.Compilation;

namespace SecurityGuarantees.RuleGraphs;

/// <summary>What a node of the rule graph stands for.</summary>
internal enum RuleGraphNodeKind
{
    FactType,
    Rule,
    Condition,
    NextStep,
}

/// <summary>A node: <paramref name="Id"/> is a stable identifier safe in Mermaid and DOT, <paramref name="Label"/> the name authors write.</summary>
internal sealed record RuleGraphNode(string Id, RuleGraphNodeKind Kind, string Label);

/// <summary>An edge: a fact type, condition or next step read by a rule (<paramref name="Negated"/> under <c>not:</c>), or a rule's conclusion.</summary>
internal sealed record RuleGraphEdge(RuleGraphNode From, RuleGraphNode To, bool Negated);

/// <summary>
/// The chain from facts to next steps: fact types feed rules, rules derive conditions, next steps and inserted facts, and
/// conditions feed the rules that read them. Deterministic: fact types, conditions and next steps by name, rules in load
/// order, edges by their ends.
/// </summary>
internal sealed class RuleGraph
{
    private RuleGraph(IReadOnlyList<RuleGraphNode> nodes, IReadOnlyList<RuleGraphEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlyList<RuleGraphNode> Nodes { get; }

    public IReadOnlyList<RuleGraphEdge> Edges { get; }

    public static RuleGraph Build(CompiledRuleSet rules)
    {
        var analyses = RuleDependencies.Analyze(rules);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<(RuleGraphNodeKind, string), RuleGraphNode>();

        var typeNames = analyses.SelectMany(a => a.Inputs.Where(i => i.Kind == DependencyKind.Fact).Select(i => i.Name!))
            .Concat(analyses.SelectMany(a => a.Outputs.Where(o => o.Kind == DependencyKind.Fact).Select(o => o.Name)));
        var conditions = analyses.SelectMany(a => a.Inputs.Where(i => i.Kind == DependencyKind.Condition).Select(i => i.Name ?? AnyLabel("Condition")))
            .Concat(analyses.SelectMany(a => a.Outputs.Where(o => o.Kind == DependencyKind.Condition).Select(o => o.Name)));
        var nextSteps = analyses.SelectMany(a => a.Inputs.Where(i => i.Kind == DependencyKind.NextStep).Select(i => i.Name ?? AnyLabel("NextStep")))
            .Concat(analyses.SelectMany(a => a.Outputs.Where(o => o.Kind == DependencyKind.NextStep).Select(o => o.Name)));

        var nodes = new List<RuleGraphNode>();
        void Add(RuleGraphNodeKind kind, string label, string prefix)
        {
            if (byKey.ContainsKey((kind, label)))
            {
                return;
            }

            var node = new RuleGraphNode(UniqueId(prefix + Sanitize(label), ids), kind, label);
            byKey.Add((kind, label), node);
            nodes.Add(node);
        }

        foreach (var name in typeNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(RuleGraphNodeKind.FactType, name, "fact_");
        }

        foreach (var analysis in analyses)
        {
            Add(RuleGraphNodeKind.Rule, analysis.Id, "rule_");
        }

        foreach (var id in conditions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(RuleGraphNodeKind.Condition, id, "condition_");
        }

        foreach (var id in nextSteps.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(RuleGraphNodeKind.NextStep, id, "step_");
        }

        var edges = new List<RuleGraphEdge>();
        foreach (var analysis in analyses)
        {
            var rule = byKey[(RuleGraphNodeKind.Rule, analysis.Id)];
            foreach (var input in analysis.Inputs)
            {
                var from = input.Kind switch
                {
                    DependencyKind.Fact => byKey[(RuleGraphNodeKind.FactType, input.Name!)],
                    DependencyKind.Condition => byKey[(RuleGraphNodeKind.Condition, input.Name ?? AnyLabel("Condition"))],
                    _ => byKey[(RuleGraphNodeKind.NextStep, input.Name ?? AnyLabel("NextStep"))],
                };
                edges.Add(new RuleGraphEdge(from, rule, input.Negated));
            }

            foreach (var output in analysis.Outputs)
            {
                var to = output.Kind switch
                {
                    DependencyKind.Fact => byKey[(RuleGraphNodeKind.FactType, output.Name)],
                    DependencyKind.Condition => byKey[(RuleGraphNodeKind.Condition, output.Name)],
                    _ => byKey[(RuleGraphNodeKind.NextStep, output.Name)],
                };
                edges.Add(new RuleGraphEdge(rule, to, Negated: false));
            }
        }

        var order = nodes.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var sorted = edges.Distinct().OrderBy(e => order[e.From]).ThenBy(e => order[e.To]).ThenBy(e => e.Negated).ToList();
        return new RuleGraph(nodes, sorted);
    }

    /// <summary>A Mermaid flowchart, left to right.</summary>
    public string ToMermaid()
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        text.Append("  %% fact types [(  )], rules [  ], conditions {{  }}, next steps ([  ]); dotted: read under not:\n");
        foreach (var node in Nodes)
        {
            var label = node.Label.Replace("\"", "#quot;", StringComparison.Ordinal);
            text.Append(node.Kind switch
            {
                RuleGraphNodeKind.FactType => $"  {node.Id}[(\"{label}\")]\n",
                RuleGraphNodeKind.Rule => $"  {node.Id}[\"{label}\"]\n",
                RuleGraphNodeKind.Condition => $"  {node.Id}{{{{\"{label}\"}}}}\n",
                _ => $"  {node.Id}([\"{label}\"])\n",
            });
        }

        foreach (var edge in Edges)
        {
            text.Append(edge.Negated ? $"  {edge.From.Id} -. not .-> {edge.To.Id}\n" : $"  {edge.From.Id} --> {edge.To.Id}\n");
        }

        foreach (var (kind, style) in Styles)
        {
            var members = Nodes.Where(n => n.Kind == kind).Select(n => n.Id).ToList();
            if (members.Count > 0)
            {
                text.Append($"  classDef {kind.ToString().ToLowerInvariant()} {style}\n");
                text.Append($"  class {string.Join(",", members)} {kind.ToString().ToLowerInvariant()}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A Graphviz DOT digraph, left to right.</summary>
    public string ToDot()
    {
        var text = new StringBuilder();
        text.Append("digraph rules {\n");
        text.Append("  rankdir=LR;\n");
        text.Append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in Nodes)
        {
            var label = node.Label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            var shape = node.Kind switch
            {
                RuleGraphNodeKind.FactType => "cylinder",
                RuleGraphNodeKind.Rule => "box",
                RuleGraphNodeKind.Condition => "hexagon",
                _ => "ellipse",
            };
            text.Append($"  {node.Id} [label=\"{label}\", shape={shape}];\n");
        }

        foreach (var edge in Edges)
        {
            text.Append(edge.Negated ? $"  {edge.From.Id} -> {edge.To.Id} [style=dashed, label=\"not\"];\n" : $"  {edge.From.Id} -> {edge.To.Id};\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static readonly (RuleGraphNodeKind Kind, string Style)[] Styles =
    [
        (RuleGraphNodeKind.FactType, "fill:#eef3fb,stroke:#4a6fa5"),
        (RuleGraphNodeKind.Rule, "fill:#ffffff,stroke:#555555"),
        (RuleGraphNodeKind.Condition, "fill:#fff4e0,stroke:#c98a1b"),
        (RuleGraphNodeKind.NextStep, "fill:#e8f6ec,stroke:#2e8b57"),
    ];

    private static string AnyLabel(string type) => $"any {type}";

    private static string Sanitize(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private static string UniqueId(string candidate, HashSet<string> taken)
    {
        var id = candidate;
        for (var n = 2; !taken.Add(id); n++)
        {
            id = $"{candidate}_{n}";
        }

        return id;
    }
}
