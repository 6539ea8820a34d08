using System.Text;

namespace SecurityGuarantees.Explanations;

/// <summary>
/// Writes an <see cref="Explanation"/> as a Mermaid <c>graph TD</c>: conclusions at the top, the rules that derived
/// them below, then the facts they matched. A fact appears once (one node per type and key), so shared facts join
/// branches. Node ids are assigned in traversal order (<c>f1</c>, <c>r1</c>, ...), so the output is deterministic.
/// Paste it into a <c>```mermaid</c> block on GitHub or a wiki.
/// </summary>
public static class ExplanationMermaidWriter
{
    /// <summary>Writes the graph, with <c>\n</c> line ends.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(Explanation explanation, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(output);
        var graph = new Graph();
        foreach (var conclusion in explanation.Conclusions)
        {
            graph.Add(conclusion);
        }

        output.Write("graph TD\n");
        foreach (var line in graph.Lines)
        {
            output.Write("  " + line + "\n");
        }

        output.Write("  classDef conclusion fill:#fde2e1,stroke:#b03a2e\n");
        output.Write("  classDef derived fill:#fff3cd,stroke:#b58900\n");
        output.Write("  classDef rule fill:#e8f0fe,stroke:#4a6fa5\n");
        if (graph.Roots.Count > 0)
        {
            output.Write($"  class {string.Join(",", graph.Roots)} conclusion\n");
        }

        var derived = graph.Derived.Except(graph.Roots).ToList();
        if (derived.Count > 0)
        {
            output.Write($"  class {string.Join(",", derived)} derived\n");
        }

        if (graph.RuleNodes.Count > 0)
        {
            output.Write($"  class {string.Join(",", graph.RuleNodes)} rule\n");
        }
    }

    /// <summary>Escapes text for a quoted Mermaid label: entity codes for characters Mermaid or HTML would read.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '&' => "#amp;",
                '<' => "#lt;",
                '>' => "#gt;",
                '`' => "#96;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private sealed class Graph
    {
        private readonly Dictionary<string, string> _factIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);

        public List<string> Lines { get; } = [];

        public List<string> Roots { get; } = [];

        public List<string> Derived { get; } = [];

        public List<string> RuleNodes { get; } = [];

        public void Add(ExplanationNode conclusion)
        {
            var id = Fact(conclusion);
            if (!Roots.Contains(id))
            {
                Roots.Add(id);
            }
        }

        private string Fact(ExplanationNode node)
        {
            var key = node.Type + "|" + node.Key;
            if (!_factIds.TryGetValue(key, out var id))
            {
                id = "f" + (_factIds.Count + 1);
                _factIds.Add(key, id);
                var detail = node.Origin switch
                {
                    ExplainedFactOrigin.Scenario when node.Location is { } l => "<br/>" + Escape(ExplanationTextWriter.At(l)),
                    ExplainedFactOrigin.Today => "<br/>today",
                    _ => "",
                };
                Lines.Add($"{id}[\"{Escape(node.Type)} {Escape(node.Key)}{detail}\"]");
                if (node.Origin == ExplainedFactOrigin.Derived)
                {
                    Derived.Add(id);
                }
            }

            if (node.Justifications.Count > 0 && _expanded.Add(key))
            {
                foreach (var justification in node.Justifications)
                {
                    var rule = "r" + (RuleNodes.Count + 1);
                    RuleNodes.Add(rule);
                    Lines.Add($"{rule}[/\"rule {Escape(justification.Rule)}<br/>{Escape(ExplanationTextWriter.At(justification.RuleLocation))}\"/]");
                    Lines.Add($"{id} -->|because| {rule}");
                    foreach (var matched in justification.Matched)
                    {
                        var child = Fact(matched);
                        Lines.Add($"{rule} -->|matched| {child}");
                    }
                }
            }

            return id;
        }
    }
}
