using NRules;
using NRules.Diagnostics;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--network [five|shipped|fluent] [--nodes]</c>: the shape of the NRules network the rules compile to (<c>fluent</c>:
/// the hand-written five rules) — nodes by kind, and for each type node (every fact NRules inserts, updates or retracts is
/// tested against every one) how many alpha nodes hang under it; with <c>--nodes</c>, every node with its parents and
/// expressions first.
/// For analysis (docs/performance.md, issue 18); no target reads it.
/// </summary>
internal static class NetworkShape
{
    private static ReteGraph Schema(string kind)
    {
        if (kind == "fluent")
        {
            return FluentImplementation.Create().Evaluate(BenchData.Generate(12)).GetSchema();
        }

        var ours = kind == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
        var session = SessionProbe.CreateSession(ours.Engine, YamlImplementation.ToScenario(BenchData.Generate(12)));
        return ((ISessionSchemaProvider)(ISession)RuleCosts.SessionField.GetValue(session)!).GetSchema();
    }

    public static void Print(string kind, bool nodes)
    {
        var schema = Schema(kind);
        if (nodes)
        {
            var parents = schema.Links.GroupBy(l => l.Target.Id).ToDictionary(g => g.Key, g => string.Join(",", g.Select(l => l.Source.Id)));
            foreach (var node in schema.Nodes.OrderBy(n => n.Id))
            {
                Console.WriteLine($"{node.Id,3} {node.NodeType,-12} <- {parents.GetValueOrDefault(node.Id),-8} {node.OutputType?.Name} {string.Join(" ; ", node.Expressions.Select(e => e.Value.ToString()))} {string.Join(" ; ", node.Properties.Select(p => p.Key + "=" + p.Value))}");
            }
        }

        Console.WriteLine($"{schema.Nodes.Count} nodes: " + string.Join(", ", schema.Nodes.GroupBy(n => n.NodeType).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        var children = schema.Links.GroupBy(l => l.Source.Id).ToDictionary(g => g.Key, g => g.Select(l => l.Target).ToList());
        foreach (var type in schema.Nodes.Where(n => n.NodeType == NodeType.Type).OrderBy(n => n.OutputType?.Name, StringComparer.Ordinal))
        {
            var below = children.GetValueOrDefault(type.Id) ?? [];
            Console.WriteLine($"  type {type.OutputType?.Name}: {below.Count(n => n.NodeType == NodeType.Selection)} selection nodes, {below.Count(n => n.NodeType == NodeType.AlphaMemory)} alpha memory");
        }
    }
}
