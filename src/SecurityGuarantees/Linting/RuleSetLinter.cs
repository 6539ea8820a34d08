using System.Text;
using System.Text.RegularExpressions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.RuleGraphs;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Linting;

/// <summary>
/// The checks that need the whole loaded rule set (codes SG07xx, see <c>docs/lint-schema-graph.md</c>): conditions
/// matched but never derived, derived but never read nor expected, unused bindings, <c>when</c>s that can never hold,
/// duplicate conclusions, derivation cycles and rules that defeat their own <c>not:</c>.
/// </summary>
internal static partial class RuleSetLinter
{
    /// <summary>Lints a loaded rule set.</summary>
    /// <param name="rules">The compiled rule set (it loaded without errors).</param>
    /// <param name="expectedConditions">Condition ids that scenarios list in <c>expect:</c> (held or absent); <see langword="null"/> when no scenario was read.</param>
    /// <returns>The lint diagnostics, sorted by file, line and column.</returns>
    public static IReadOnlyList<Diagnostic> Lint(CompiledRuleSet rules, IReadOnlySet<string>? expectedConditions = null)
    {
        var analyses = RuleDependencies.Analyze(rules);
        var bag = new DiagnosticBag();
        CheckUnderived(analyses, bag);
        CheckUnconsumed(analyses, expectedConditions, bag);
        var selfDefeating = new HashSet<string>(StringComparer.Ordinal);
        foreach (var analysis in analyses)
        {
            CheckBindings(analysis.Rule.Syntax, rules, bag);
            CheckContradictions(analysis, rules, bag);
            if (CheckSelfDefeat(analysis.Rule.Syntax, bag))
            {
                selfDefeating.Add(analysis.Id);
            }
        }

        CheckDuplicates(analyses, bag);
        CheckCycles(analyses, selfDefeating, bag);
        CheckDeclaredTypes(analyses, rules, bag);
        return bag.Sorted();
    }

    /// <summary>A type declared in a rule file that no rule matches, counts, aggregates or inserts (SG0709, info).</summary>
    private static void CheckDeclaredTypes(IReadOnlyList<RuleDependencies> analyses, CompiledRuleSet rules, DiagnosticBag bag)
    {
        var used = analyses.SelectMany(a => a.Elements.Select(e => e.FactType)
                .Concat(a.Rule.Syntax.Then.OfType<InsertActionSyntax>().Select(i => i.FactType.Text)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var type in rules.Types.All.Where(t => t.Declaration is not null && !used.Contains(t.Name)))
        {
            var declaration = type.Declaration!;
            bag.Add(new Diagnostic(DiagnosticCodes.UnusedDeclaredType, DiagnosticSeverity.Info,
                $"type '{type.Name}' is declared, but no rule matches or inserts it", new SourceLocation(declaration.File, declaration.Line, declaration.Column),
                "scenarios may hold its facts, but nothing concludes from them: add a rule that reads it, or remove the declaration"));
        }
    }

    private static void CheckUnderived(IReadOnlyList<RuleDependencies> analyses, DiagnosticBag bag)
    {
        var derived = analyses.SelectMany(a => a.Outputs).ToList();
        foreach (var analysis in analyses)
        {
            foreach (var input in analysis.Inputs.Where(i => i.Kind != DependencyKind.Fact && i.Name is not null).DistinctBy(i => (i.Kind, i.Name, i.Location)))
            {
                if (derived.Exists(o => o.Feeds(input)))
                {
                    continue;
                }

                var what = input.Kind == DependencyKind.Condition ? "condition" : "next step";
                var candidates = derived.Where(o => o.Kind == input.Kind).Select(o => o.Name).Distinct(StringComparer.Ordinal).ToList();
                var hint = candidates.Count == 0
                    ? $"no rule derives any {what}; check the id"
                    : NameSuggester.Hint(input.Name!, candidates);
                var consequence = input.Negated ? $"so this 'not:' always holds" : $"so rule '{analysis.Id}' can never match it";
                bag.Warning(DiagnosticCodes.UnderivedConclusion, input.Location, $"no rule derives {what} '{input.Name}', {consequence}", hint);
            }
        }
    }

    private static void CheckUnconsumed(IReadOnlyList<RuleDependencies> analyses, IReadOnlySet<string>? expected, DiagnosticBag bag)
    {
        var inputs = analyses.SelectMany(a => a.Inputs).ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in analyses.SelectMany(a => a.Outputs).Where(o => o.Kind == DependencyKind.Condition))
        {
            if (inputs.Exists(output.Feeds) || expected?.Contains(output.Name) == true || !reported.Add(output.Name))
            {
                continue;
            }

            bag.Add(new Diagnostic(DiagnosticCodes.UnconsumedCondition, DiagnosticSeverity.Info,
                $"condition '{output.Name}' is derived, but no rule reads it and no scenario expects it", output.Action.Location,
                expected is null
                    ? "pass --scenarios so lint sees the scenarios' expect: blocks"
                    : "list it under 'expect:' in a scenario that should produce it, or remove it if nobody reads it"));
        }
    }

    private static void CheckBindings(RuleSyntax rule, CompiledRuleSet rules, DiagnosticBag bag)
    {
        var declared = new List<TextSyntax>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in AllElements(rule.When))
        {
            switch (element)
            {
                case PatternSyntax pattern:
                    if (pattern.As is not null)
                    {
                        declared.Add(pattern.As);
                    }

                    ExpressionInspector.CollectNames(ExpressionInspector.Parse(pattern.Where), rules.Types.Find(pattern.FactType.Text), used);
                    break;
                case EachSyntax each:
                    declared.Add(each.As);
                    ExpressionInspector.CollectNames(ExpressionInspector.Parse(each.List), null, used);
                    break;
                case LetSyntax let:
                    declared.AddRange(let.Bindings.Select(b => b.Name));
                    foreach (var binding in let.Bindings)
                    {
                        ExpressionInspector.CollectNames(ExpressionInspector.Parse(binding.Value), null, used);
                    }

                    break;
                case AggregateSyntax aggregate:
                    declared.Add(aggregate.As);
                    ExpressionInspector.CollectNames(ExpressionInspector.Parse(aggregate.Where), rules.Types.Find(aggregate.FactType.Text), used);
                    ExpressionInspector.CollectNames(ExpressionInspector.Parse(aggregate.Having), null, used);
                    break;
                case CountSyntax count:
                    if (count.As is not null)
                    {
                        declared.Add(count.As);
                    }

                    ExpressionInspector.CollectNames(ExpressionInspector.Parse(count.Where), rules.Types.Find(count.FactType.Text), used);
                    ExpressionInspector.CollectNames(ExpressionInspector.Parse(count.Having), null, used);
                    break;
            }
        }

        foreach (var template in Templates(rule.Then))
        {
            foreach (var hole in ExpressionInspector.TemplateHoles(template))
            {
                ExpressionInspector.CollectNames(hole, null, used);
            }
        }

        foreach (var binding in declared.Where(d => !used.Contains(d.Text)).DistinctBy(d => d.Location))
        {
            bag.Warning(DiagnosticCodes.UnusedBinding, binding.Location, $"binding '{binding.Text}' is never used in rule '{rule.Id}'",
                "remove 'as:', or use the binding in a later 'where:' or in a 'then' template");
        }
    }

    private static void CheckContradictions(RuleDependencies analysis, CompiledRuleSet rules, DiagnosticBag bag)
    {
        foreach (var element in analysis.Elements)
        {
            if (ContradictionFinder.Find(element.Where, rules.Types.Find(element.FactType)) is not { } why)
            {
                continue;
            }

            var location = element.Where?.Location ?? element.Element.Location;
            if (element.Optional || element.Element is CountSyntax || element.Element is AggregateSyntax { GroupBy: null })
            {
                var effect = element.Negated ? "the 'not:' around it always holds"
                    : element.Element is CountSyntax ? "it always counts 0"
                    : element.Element is AggregateSyntax ? "it always aggregates nothing"
                    : "this alternative never matches";
                bag.Warning(DiagnosticCodes.UnsatisfiableElement, location, $"this {element.FactType} element can never match: {why}",
                    $"{effect}; fix the constants or remove the element");
            }
            else
            {
                bag.Error(DiagnosticCodes.UnsatisfiableRule, location, $"rule '{analysis.Id}' can never fire: {why}",
                    "a field holds one value at a time; did you mean '||' or 'in [...]'?");
            }
        }
    }

    private static bool CheckSelfDefeat(RuleSyntax rule, DiagnosticBag bag)
    {
        var found = false;
        foreach (var not in PositiveNots(rule.When))
        {
            if (not.Element is not PatternSyntax pattern)
            {
                continue;
            }

            foreach (var action in rule.Then.Where(a => Produces(a, pattern.FactType.Text)))
            {
                if (!SelfDefeatChecker.CertainlyMatches(pattern, action))
                {
                    continue;
                }

                bag.Error(DiagnosticCodes.SelfDefeatingRule, action.Location,
                    $"rule '{rule.Id}' produces a {pattern.FactType.Text} that its own 'not:' (line {not.Location.Line}) excludes: it would fire, retract and fire again",
                    "match a different condition in 'not:', or derive a different one");
                found = true;
            }
        }

        return found;
    }

    private static void CheckDuplicates(IReadOnlyList<RuleDependencies> analyses, DiagnosticBag bag)
    {
        var byWhen = new Dictionary<string, List<RuleSyntax>>(StringComparer.Ordinal);
        foreach (var rule in analyses.Select(a => a.Rule.Syntax))
        {
            var key = string.Join("\n", rule.When.Select(Canonical));
            if (!byWhen.TryGetValue(key, out var earlier))
            {
                byWhen.Add(key, [rule]);
                continue;
            }

            var then = string.Join("\n", rule.Then.Select(Canonical));
            if (earlier.FirstOrDefault(e => string.Join("\n", e.Then.Select(Canonical)) == then) is { } same)
            {
                bag.Warning(DiagnosticCodes.DuplicateConclusion, rule.Location,
                    $"rule '{rule.Id}' has the same 'when' and 'then' as rule '{same.Id}' ({same.Location})", "remove one of the two rules");
            }
            else
            {
                foreach (var action in rule.Then)
                {
                    var conclusion = ConclusionKey(action);
                    if (conclusion is null || earlier.FirstOrDefault(e => e.Then.Any(a => ConclusionKey(a) == conclusion)) is not { } twin)
                    {
                        continue;
                    }

                    bag.Warning(DiagnosticCodes.DuplicateConclusion, action.Location,
                        $"rule '{rule.Id}' derives {conclusion} from the same 'when' as rule '{twin.Id}' ({twin.Location})",
                        "merge the two rules, or make their 'when' differ");
                }
            }

            earlier.Add(rule);
        }
    }

    private static void CheckCycles(IReadOnlyList<RuleDependencies> analyses, HashSet<string> selfDefeating, DiagnosticBag bag)
    {
        var count = analyses.Count;
        var edges = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            edges[i] = [];
            for (var j = 0; j < count; j++)
            {
                if (analyses[i].Outputs.Any(o => analyses[j].Inputs.Any(o.Feeds)))
                {
                    edges[i].Add(j);
                }
            }
        }

        foreach (var component in StronglyConnected(edges))
        {
            var first = component.Min();
            if (component.Count == 1 && (!edges[first].Contains(first) || selfDefeating.Contains(analyses[first].Id)))
            {
                continue;
            }

            var path = ShortestCycle(first, edges, component);
            var text = new StringBuilder($"rule '{analyses[first].Id}'");
            for (var k = 0; k + 1 < path.Count; k++)
            {
                var from = analyses[path[k]];
                var to = analyses[path[k + 1]];
                var output = from.Outputs.First(o => to.Inputs.Any(o.Feeds));
                var negated = to.Inputs.Where(output.Feeds).All(i => i.Negated) ? " (under 'not:')" : "";
                text.Append($" derives {output.Describe()}, read by{negated} rule '{to.Id}'");
                if (k + 2 < path.Count)
                {
                    text.Append(", which");
                }
            }

            string message;
            if (path.Count == 2)
            {
                var self = analyses[first];
                var output = self.Outputs.First(o => self.Inputs.Any(o.Feeds));
                var negated = self.Inputs.Where(output.Feeds).All(i => i.Negated) ? " under 'not:'" : "";
                message = $"rule '{self.Id}' reads what it derives: {output.Describe()}{negated}";
            }
            else
            {
                message = $"derivation cycle: {text}";
            }

            bag.Warning(DiagnosticCodes.DerivationCycle, analyses[first].Rule.Location, message,
                "rules in a cycle can keep each other firing; make sure the chain ends, or break it");
        }
    }

    /// <summary>The shortest path <c>start → ... → start</c> inside a component, as rule indices (start at both ends).</summary>
    private static List<int> ShortestCycle(int start, List<int>[] edges, HashSet<int> component)
    {
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in edges[node].Where(component.Contains))
            {
                if (next == start)
                {
                    var path = new List<int> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse(1, path.Count - 2);
                    return path;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [start, start];
    }

    /// <summary>Tarjan's strongly connected components, iterative; each component as a set of node indices.</summary>
    private static List<HashSet<int>> StronglyConnected(List<int>[] edges)
    {
        var count = edges.Length;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var result = new List<HashSet<int>>();
        var next = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var work = new Stack<(int Node, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge < edges[node].Count)
                {
                    work.Push((node, edge + 1));
                    var target = edges[node][edge];
                    if (index[target] < 0)
                    {
                        index[target] = low[target] = next++;
                        stack.Push(target);
                        onStack[target] = true;
                        work.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new HashSet<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }
            }
        }

        return result;
    }

    private static bool Produces(ActionSyntax action, string factType) => action switch
    {
        ConditionActionSyntax => factType == "Condition",
        NextStepActionSyntax => factType == "NextStep",
        InsertActionSyntax insert => insert.FactType.Text == factType,
        _ => false,
    };

    /// <summary>The <c>not:</c> elements whose absence the rule needs (not under another <c>not:</c>).</summary>
    private static IEnumerable<NotSyntax> PositiveNots(IEnumerable<ElementSyntax> elements)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case NotSyntax not:
                    yield return not;
                    break;
                case ExistsSyntax exists:
                    foreach (var inner in PositiveNots([exists.Element]))
                    {
                        yield return inner;
                    }

                    break;
                case AllSyntax all:
                    foreach (var inner in PositiveNots(all.Elements))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    internal static IEnumerable<ElementSyntax> AllElements(IEnumerable<ElementSyntax> elements)
    {
        foreach (var element in elements)
        {
            yield return element;
            var children = element switch
            {
                NotSyntax not => [not.Element],
                ExistsSyntax exists => [exists.Element],
                AllSyntax all => all.Elements,
                AnySyntax any => any.Alternatives,
                _ => [],
            };
            foreach (var child in AllElements(children))
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<TextSyntax> Templates(IEnumerable<ActionSyntax> actions)
    {
        foreach (var action in actions)
        {
            IEnumerable<TextSyntax?> texts = action switch
            {
                ConditionActionSyntax c => new[] { c.Subject, c.Severity, c.Text }.Concat(c.Parties),
                NextStepActionSyntax n => new[] { n.Actor, n.Subject, n.Text },
                InsertActionSyntax i => i.Fields.SelectMany(f => f.Items is null ? new[] { f.Value } : f.Items.Select(x => (TextSyntax?)x)),
                _ => [],
            };
            foreach (var text in texts.OfType<TextSyntax>())
            {
                yield return text;
            }
        }
    }

    /// <summary>A condition or next step as its key: id and the templates of its key fields.</summary>
    private static string? ConclusionKey(ActionSyntax action) => action switch
    {
        ConditionActionSyntax c => $"condition '{c.Id.Text}'" + (c.Subject is null ? "" : $" (subject {Normalize(c.Subject.Text)})"),
        NextStepActionSyntax n => $"next step '{n.Id.Text}'" + (n.Actor is null ? "" : $" (actor {Normalize(n.Actor.Text)})")
            + (n.Subject is null ? "" : $" (subject {Normalize(n.Subject.Text)})"),
        _ => null,
    };

    /// <summary>An element as text without positions and with whitespace normalised, to compare two rules' <c>when</c>.</summary>
    private static string Canonical(ElementSyntax element) => element switch
    {
        PatternSyntax p => $"fact {p.FactType.Text} as {p.As?.Text} where {Normalize(p.Where?.Text)}",
        NotSyntax n => $"not ({Canonical(n.Element)})",
        ExistsSyntax e => $"exists ({Canonical(e.Element)})",
        AllSyntax a => $"all [{string.Join("; ", a.Elements.Select(Canonical))}]",
        AnySyntax a => $"any [{string.Join("; ", a.Alternatives.Select(Canonical))}]",
        EachSyntax e => $"each {Normalize(e.List.Text)} as {e.As.Text}",
        LetSyntax l => $"let {string.Join(", ", l.Bindings.Select(b => $"{b.Name.Text} = {Normalize(b.Value.Text)}"))}",
        AggregateSyntax a => $"aggregate {a.FactType.Text} where {Normalize(a.Where?.Text)} groupBy {a.GroupBy?.Text} as {a.As.Text} compute "
            + $"{string.Join(", ", a.Compute.Select(c => $"{c.Name.Text} = {Normalize(c.Value.Text)}"))} having {Normalize(a.Having?.Text)}",
        CountSyntax c => $"count {c.FactType.Text} where {Normalize(c.Where?.Text)} distinct {c.Distinct?.Text} as {c.As?.Text} atLeast {c.AtLeast} having {Normalize(c.Having?.Text)}",
        _ => element.GetType().Name,
    };

    private static string Canonical(ActionSyntax action) => action switch
    {
        ConditionActionSyntax c => $"condition {c.Id.Text} subject {Normalize(c.Subject?.Text)} parties [{string.Join(",", c.Parties.Select(p => p.Text))}] severity {c.Severity?.Text} text {Normalize(c.Text?.Text)}",
        NextStepActionSyntax n => $"nextStep {n.Id.Text} actor {Normalize(n.Actor?.Text)} subject {Normalize(n.Subject?.Text)} text {Normalize(n.Text?.Text)} priority {n.Priority}",
        InsertActionSyntax i => $"insert {i.FactType.Text} {{{string.Join(", ", i.Fields.Select(f => $"{f.Name.Text}: {(f.Items is null ? Normalize(f.Value?.Text) : "[" + string.Join(",", f.Items.Select(x => x.Text)) + "]")}"))}}}",
        _ => action.GetType().Name,
    };

    private static string Normalize(string? text) => text is null ? "" : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
