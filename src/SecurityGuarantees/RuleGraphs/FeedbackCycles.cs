using SecurityGuarantees.Compilation;

namespace SecurityGuarantees.RuleGraphs;

/// <summary>
/// Whether some rule's conclusion (a condition, next step or inserted fact) can reach, through the rules that read it,
/// the <c>when</c> of the rule itself: a cycle in the graph of <see cref="RuleDependencies"/> (under <c>not:</c> or not;
/// a rule reading any condition reads every one). Without such a cycle every scenario has exactly one set of conclusions
/// that the rules support, whatever order the rules fire in, so the engine may propagate the conclusions of many firings
/// at once (<see cref="Evaluation.ScenarioSession"/>); with one, the order can decide the result and NRules' own order is
/// kept.
/// </summary>
internal static class FeedbackCycles
{
    /// <summary>Whether the rule set has a feedback cycle (a rule reading its own conclusion included).</summary>
    public static bool Exist(CompiledRuleSet rules)
    {
        var dependencies = RuleDependencies.Analyze(rules);
        // rule -> the rules that read one of its outputs
        var readers = dependencies.Select(producer => dependencies
                .Select((reader, index) => (reader, index))
                .Where(r => producer.Outputs.Any(o => r.reader.Inputs.Any(i => MayFeed(o, i, rules))))
                .Select(r => r.index)
                .ToArray())
            .ToArray();

        // Depth-first search with three colours: 0 unvisited, 1 on the current path, 2 done.
        var colour = new byte[readers.Length];
        for (var start = 0; start < readers.Length; start++)
        {
            if (colour[start] == 0 && ReachesPath(start, readers, colour))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="RuleOutput.Feeds"/>, erring towards a cycle: type names are compared as the registry resolves them,
    /// ignoring case, and an inserted fact of a derived type feeds every reader of that kind.
    /// </summary>
    private static bool MayFeed(RuleOutput output, RuleInput input, CompiledRuleSet rules)
    {
        var (kind, name) = output.Kind == DependencyKind.Fact ? Resolve(output.Name, rules) : (output.Kind, output.Name);
        if (kind != input.Kind)
        {
            return false;
        }

        if (input.Name is null || name is null)
        {
            return true;
        }

        return kind == DependencyKind.Fact
            ? string.Equals(name, Resolve(input.Name, rules).Name, StringComparison.OrdinalIgnoreCase)
            : string.Equals(name, input.Name, StringComparison.Ordinal);
    }

    private static (DependencyKind Kind, string? Name) Resolve(string factType, CompiledRuleSet rules) =>
        (rules.Types.Find(factType)?.Name ?? factType) switch
        {
            "Condition" => (DependencyKind.Condition, null),
            "NextStep" => (DependencyKind.NextStep, null),
            var name => (DependencyKind.Fact, name),
        };

    private static bool ReachesPath(int start, int[][] readers, byte[] colour)
    {
        // Iterative, so a long chain of rules cannot overflow the stack.
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((start, 0));
        colour[start] = 1;
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next == readers[node].Length)
            {
                colour[node] = 2;
                continue;
            }

            stack.Push((node, next + 1));
            var reader = readers[node][next];
            if (colour[reader] == 1)
            {
                return true;
            }

            if (colour[reader] == 0)
            {
                colour[reader] = 1;
                stack.Push((reader, 0));
            }
        }

        return false;
    }
}
