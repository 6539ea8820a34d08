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

        // Readers by what they read, so the graph is built in time linear in the inputs and outputs (a generated rule set
        // of thousands of rules pays this on its first evaluation). Erring towards a cycle: fact types are compared as the
        // registry resolves them, ignoring case, and an inserted fact of a derived type feeds every reader of that kind.
        var byInput = new Dictionary<(DependencyKind Kind, string? Name), List<int>>();
        for (var reader = 0; reader < dependencies.Count; reader++)
        {
            foreach (var input in dependencies[reader].Inputs)
            {
                var key = input.Kind == DependencyKind.Fact ? Resolve(input.Name!, rules) : (input.Kind, input.Name);
                if (!byInput.TryGetValue(key, out var readers))
                {
                    byInput[key] = readers = [];
                }

                readers.Add(reader);
            }
        }

        var readersOf = dependencies.Select(producer => producer.Outputs
                .SelectMany(output => Readers(output, rules, byInput))
                .Distinct()
                .ToArray())
            .ToArray();

        // Depth-first search with three colours: 0 unvisited, 1 on the current path, 2 done.
        var colour = new byte[readersOf.Length];
        for (var start = 0; start < readersOf.Length; start++)
        {
            if (colour[start] == 0 && ReachesPath(start, readersOf, colour))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules that may read <paramref name="output"/>: by its kind and name, and every reader of any one of its kind.</summary>
    private static IEnumerable<int> Readers(RuleOutput output, CompiledRuleSet rules, Dictionary<(DependencyKind Kind, string? Name), List<int>> byInput)
    {
        var (kind, name) = output.Kind == DependencyKind.Fact ? Resolve(output.Name, rules) : (output.Kind, output.Name);
        if (name is null)
        {
            // A derived type's facts inserted as such: every reader of that kind, whatever id it asks for.
            return byInput.Where(entry => entry.Key.Kind == kind).SelectMany(entry => entry.Value);
        }

        return (byInput.GetValueOrDefault((kind, name)) ?? []).Concat(byInput.GetValueOrDefault((kind, null)) ?? []);
    }

    /// <summary>A fact type as the registry names it (lower case: names are compared ignoring case), or a derived kind.</summary>
    private static (DependencyKind Kind, string? Name) Resolve(string factType, CompiledRuleSet rules) =>
        (rules.Types.Find(factType)?.Name ?? factType) switch
        {
            "Condition" => (DependencyKind.Condition, null),
            "NextStep" => (DependencyKind.NextStep, null),
            var name => (DependencyKind.Fact, name.ToUpperInvariant()),
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
