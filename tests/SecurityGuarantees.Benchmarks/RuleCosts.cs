using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using NRules;
using NRules.Diagnostics;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--rule-costs [proposals…] [--drop a,b] [--without a,b+c] [--leave-one-out] [--rounds n] [--timing-only]</c>: where
/// the time of the shipped rule set goes, per rule, at each size (default 100 and 1,000). For analysis
/// (docs/performance.md, target 1); no target reads it.
/// <list type="bullet">
/// <item>The report: instrumented evaluations (after a warm-up) on the engine's internal session, reached by reflection as
/// <see cref="SessionProbe"/> does: the phases (insert, Today, fire, snapshot), NRules' per-node metrics (exclusive
/// durations, element counts) per phase, attributed to the rules sharing each node (split evenly), the time in each
/// rule's actions (RuleFiring → RuleFired; linked facts propagate after that, in the node times), and each rule's output
/// (firings, conclusions it supports, justifications). <c>--drop</c> reports on the shipped set without those rules.</item>
/// <item><c>--without</c> (variants separated by commas, rules in a variant by <c>+</c>) and <c>--leave-one-out</c> (each
/// rule alone): wall-clock time of the shipped set without those rules beside the full set, interleaved rounds. The rules
/// reading a left-out rule's conclusions lose their input too.</item>
/// </list>
/// </summary>
internal static partial class RuleCosts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string[] args)
    {
        var rest = args.SkipWhile(a => a != "--rule-costs").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var sizes = rest.Length > 0 ? rest.Select(s => int.Parse(s, Inv)).ToArray() : [100, 1_000];
        if (!args.Contains("--timing-only"))
        {
            // --drop a,b: the report on the shipped set without those rules (what is left once they are explained)
            Report(sizes, Option(args, "--drop")?.Split(',') ?? []);
        }

        var rounds = int.Parse(Option(args, "--rounds") ?? "5", Inv);
        if (args.Contains("--leave-one-out"))
        {
            var ids = BuiltInRuleFiles().SelectMany(f => RuleStart().Matches(f.Text).Select(m => m.Groups[1].Value));
            CompareSubsets(sizes, [.. ids.Select(id => new[] { id })], rounds);
        }

        if (Option(args, "--without") is { } without)
        {
            // e.g. --without conditions-added,short-unilateral-truce,conditions-added+short-unilateral-truce
            CompareSubsets(sizes, [.. without.Split(',').Select(v => v.Split('+'))], rounds);
        }
    }

    private static void Report(int[] sizes, string[] drop)
    {
        var engine = drop.Length == 0 ? YamlImplementation.CreateShipped().Engine : Engine(BuiltInRuleFiles(), drop);
        var runs = sizes.ToDictionary(n => n, n => Instrumented(engine, n));

        Console.WriteLine();
        Console.WriteLine("## Phases (ms, median of the instrumented evaluations; node metrics add some overhead)");
        Console.WriteLine("| proposals | facts | insert | Today | fire | snapshot | total | of which NRules nodes | actions | firings | conclusions | justifications | MB allocated |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (n, r) in runs)
        {
            Console.WriteLine($"| {n:N0} | {r.Facts:N0} | {r.InsertMs:F1} | {r.TodayMs:F1} | {r.FireMs:F1} | {r.SnapshotMs:F1} | {r.TotalMs:F1} "
                + $"| {r.NodeMs.Values.Sum():F1} | {r.ActionMs.Values.Sum():F1} | {r.Firings.Values.Sum():N0} | {r.Conclusions.Values.Sum():N0} | {r.Justifications.Values.Sum():N0} | {r.AllocatedMb:F1} |");
        }

        var (small, large) = (sizes[0], sizes[^1]);
        var (a, b) = (runs[small], runs[large]);
        var rules = a.NodeMs.Keys.Union(b.NodeMs.Keys).Union(b.Firings.Keys).Order(StringComparer.Ordinal).ToList();
        double Cost(Measured r, string rule) => r.NodeMs.GetValueOrDefault(rule) + r.ActionMs.GetValueOrDefault(rule);
        Console.WriteLine();
        Console.WriteLine($"## Per rule: node time (exclusive, shared nodes split evenly) + action time, ms; output; {small:N0} → {large:N0} proposals");
        Console.WriteLine("| rule | nodes small → large | actions small → large | ms small | ms large | time × | share large | firings small → large | conclusions small → large | justifications small → large | justif. × |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var totalLarge = rules.Sum(r => Cost(b, r));
        foreach (var rule in rules.OrderByDescending(r => Cost(b, r)))
        {
            var (ca, cb) = (Cost(a, rule), Cost(b, rule));
            var (ja, jb) = (a.Justifications.GetValueOrDefault(rule), b.Justifications.GetValueOrDefault(rule));
            Console.WriteLine($"| {rule} | {a.NodeMs.GetValueOrDefault(rule):F1} → {b.NodeMs.GetValueOrDefault(rule):F1} | {a.ActionMs.GetValueOrDefault(rule):F1} → {b.ActionMs.GetValueOrDefault(rule):F1} "
                + $"| {ca:F1} | {cb:F1} | {Ratio(cb, ca)} | {100 * cb / totalLarge:F1} % | {a.Firings.GetValueOrDefault(rule):N0} → {b.Firings.GetValueOrDefault(rule):N0} "
                + $"| {a.Conclusions.GetValueOrDefault(rule):N0} → {b.Conclusions.GetValueOrDefault(rule):N0} | {ja:N0} → {jb:N0} | {Ratio(jb, ja)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"## The 25 costliest NRules nodes at {large:N0} proposals (exclusive ms; inputs = insert+update+retract elements in)");
        Console.WriteLine("| node | type | rules | expressions | ms small | ms large | × | large: insert / Today / fire / snapshot | inputs small → large | outputs small → large | elements large | sources (type, elements large) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var node in b.Nodes.OrderByDescending(x => x.Ms).Take(25))
        {
            var s = a.Nodes.FirstOrDefault(x => x.Id == node.Id);
            Console.WriteLine($"| {node.Id} | {node.Type} | {Short(string.Join(", ", node.Rules), 60)} | {Short(node.Expressions, 90)} | {s?.Ms ?? 0:F2} | {node.Ms:F1} "
                + $"| {Ratio(node.Ms, s?.Ms ?? 0)} | {string.Join(" / ", node.MsByPhase.Select(x => x.ToString("F0", Inv)))} | {s?.Inputs ?? 0:N0} → {node.Inputs:N0} | {s?.Outputs ?? 0:N0} → {node.Outputs:N0} | {node.Elements?.ToString("N0", Inv) ?? ""} | {Sources(b, node)} |");
        }

        Console.WriteLine();
        Console.WriteLine("## Node time by node type (ms)");
        Console.WriteLine("| type | ms small | ms large | × |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var type in b.Nodes.Select(x => x.Type).Distinct().OrderByDescending(t => b.Nodes.Where(x => x.Type == t).Sum(x => x.Ms)))
        {
            var (sa, sb) = (a.Nodes.Where(x => x.Type == type).Sum(x => x.Ms), b.Nodes.Where(x => x.Type == type).Sum(x => x.Ms));
            Console.WriteLine($"| {type} | {sa:F2} | {sb:F1} | {Ratio(sb, sa)} |");
        }

    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <summary>
    /// Wall-clock ms of the shipped set without some rules, beside the full set: every variant is timed once per round
    /// (after a full collection; evaluations under 200 ms repeated to last about that long), round after round
    /// (interleaved, so a busy spell of a shared machine hits all variants alike), and the median of the rounds is
    /// reported. Leaving a rule out also changes how much the others pay for garbage collection (a quadratic rule keeps
    /// a large live heap that every collection walks), so the Δs of single rules need not add up to the total.
    /// Δ = full − without: what the left-out rules cost (with the rules that read their output).
    /// </summary>
    private static void CompareSubsets(int[] sizes, List<string[]> variants, int rounds)
    {
        var files = BuiltInRuleFiles();
        var known = files.SelectMany(f => RuleStart().Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in variants.SelectMany(v => v).Where(id => !known.Contains(id)))
        {
            throw new ArgumentException($"no shipped rule '{unknown}'");
        }

        variants.Insert(0, []);
        var engines = variants.Select(v => Engine(files, v)).ToList();
        var scenarios = sizes.ToDictionary(n => n, n => YamlImplementation.ToScenario(BenchData.Generate(n)));
        foreach (var engine in engines)
        {
            foreach (var scenario in scenarios.Values)
            {
                Measure.Ms(() => engine.Evaluate(scenario), repetitions: 1, minRepMs: 0, warmUpMs: 200); // warm-up
            }
        }

        var samples = variants.Select(_ => sizes.ToDictionary(n => n, _ => new List<double>())).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                foreach (var n in sizes)
                {
                    // A collection first, so no variant pays for the garbage of the one before it.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    var reps = Math.Max(1, (int)(200 / Math.Max(1, samples[v][n].DefaultIfEmpty(200).Min())));
                    samples[v][n].Add(Measure.Once(() =>
                    {
                        for (var i = 0; i < reps; i++)
                        {
                            engines[v].Evaluate(scenarios[n]);
                        }
                    }) / reps);
                }
            }
        }

        double Median(int v, int n) => samples[v][n].Order().ElementAt(rounds / 2);
        Console.WriteLine();
        Console.WriteLine($"## Without some rules: wall-clock ms, median of {rounds} interleaved rounds; Δ = full − without");
        Console.WriteLine($"| without | {string.Join(" | ", sizes.Select(n => $"ms {n:N0}"))} | time × | {string.Join(" | ", sizes.Select(n => $"Δ {n:N0}"))} | Δ × |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---|", 2 * sizes.Length + 2))}");
        for (var v = 0; v < variants.Count; v++)
        {
            var ms = sizes.Select(n => Median(v, n)).ToList();
            var delta = sizes.Select(n => Median(0, n) - Median(v, n)).ToList();
            var name = variants[v].Length == 0 ? "(nothing: the full set)" : string.Join(" + ", variants[v]);
            Console.WriteLine($"| {name} | {string.Join(" | ", ms.Select(x => x.ToString("F1", Inv)))} | {Ratio(ms[^1], ms[0])} "
                + $"| {(v == 0 ? string.Join(" | ", sizes.Select(_ => "")) : string.Join(" | ", delta.Select(x => x.ToString("F1", Inv))))} | {(v == 0 ? "" : Ratio(delta[^1], delta[0]))} |");
        }
    }

    private static string Sources(Measured run, NodeCost node) =>
        string.Join(", ", node.Sources.Select(id => run.Nodes.FirstOrDefault(x => x.Id == id) is { } s ? $"{id} ({s.Type}, {s.Elements?.ToString("N0", Inv) ?? "–"})" : $"{id}"));

    private static ScenarioEngine Engine(IReadOnlyList<(string Name, string Text)> files, IReadOnlyList<string> without)
    {
        var builder = new ScenarioEngineBuilder().WithMaxFirings(YamlImplementation.MaxFirings);
        foreach (var (name, text) in files)
        {
            builder.AddRuleText(name, without.Aggregate(text, Remove));
        }

        return builder.Build();
    }

    /// <summary>The rule file without the rule <paramref name="id"/>: its block runs from its <c>- id:</c> line to the next.</summary>
    private static string Remove(string text, string id)
    {
        var starts = RuleStart().Matches(text).ToList();
        var index = starts.FindIndex(m => m.Groups[1].Value == id);
        if (index < 0)
        {
            return text;
        }

        var end = index + 1 < starts.Count ? starts[index + 1].Index : text.Length;
        var remaining = text.Remove(starts[index].Index, end - starts[index].Index);
        return RuleStart().IsMatch(remaining) ? remaining : remaining.Replace("rules:\n", "rules: []\n", StringComparison.Ordinal);
    }

    private static List<(string Name, string Text)> BuiltInRuleFiles()
    {
        var assembly = typeof(ScenarioEngine).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames().Where(n => n.StartsWith("SecurityGuarantees.Rules.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(n =>
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                    return (n["SecurityGuarantees.Rules.".Length..], reader.ReadToEnd().ReplaceLineEndings("\n"));
                }),
        ];
    }

    [GeneratedRegex(@"^  - id: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RuleStart();

    private sealed record NodeCost(int Id, string Type, IReadOnlyList<string> Rules, string Expressions, double Ms, double[] MsByPhase, long Inputs, long Outputs,
        int? Elements, IReadOnlyList<int> Sources);

    private sealed record Measured(int Facts, double AllocatedMb, double InsertMs, double TodayMs, double FireMs, double SnapshotMs, double TotalMs,
        Dictionary<string, double> NodeMs, Dictionary<string, double> ActionMs, Dictionary<string, int> Firings,
        Dictionary<string, int> Conclusions, Dictionary<string, int> Justifications, List<NodeCost> Nodes);

    private sealed record Single(double[] Phases, Dictionary<int, double[]> NodeMs, Dictionary<int, (long In, long Out, int? Elements)> Counts,
        Dictionary<string, double> ActionMs, Dictionary<string, int> Firings, EvaluationResult Result, ReteGraph Schema);

    /// <summary>Phases: insert the scenario facts, set Today, fire, snapshot.</summary>
    private const int Phases = 4;

    /// <summary>
    /// <see cref="Runs"/> instrumented evaluations after a warm-up. NRules times nodes with <c>Environment.TickCount</c>
    /// (1–4 ms steps), an unbiased sample over many calls but coarse for one; a GC pause lands on whichever node is
    /// running. So each time is the mean over the runs without the largest one.
    /// </summary>
    private const int Runs = 5;

    private static Measured Instrumented(ScenarioEngine engine, int proposals)
    {
        var data = BenchData.Generate(proposals);
        var scenario = YamlImplementation.ToScenario(data);
        Measure.Ms(() => engine.Evaluate(scenario), repetitions: 1, minRepMs: 0); // warm-up (tiered JIT)
        var runs = Enumerable.Range(0, Runs).Select(_ => Once(engine, scenario)).ToList();

        static double Trimmed(IEnumerable<double> values)
        {
            var list = values.Order().ToList();
            return list.Count > 2 ? list.Take(list.Count - 1).Average() : list.Average();
        }

        var last = runs[^1];
        var nodes = new List<NodeCost>();
        var nodeMs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var node in last.Schema.Nodes)
        {
            if (!last.Counts.TryGetValue(node.Id, out var m))
            {
                continue;
            }

            var byPhase = Enumerable.Range(0, Phases).Select(p => Trimmed(runs.Select(r => r.NodeMs.GetValueOrDefault(node.Id)?[p] ?? 0))).ToArray();
            var ms = Trimmed(runs.Select(r => r.NodeMs.GetValueOrDefault(node.Id)?.Sum() ?? 0));
            var rules = node.Rules.Select(r => r.Name).Distinct().ToList();
            nodes.Add(new NodeCost(node.Id, node.NodeType.ToString(), rules,
                string.Join("; ", node.Expressions.Select(e => $"{e.Key}: {e.Value}")), ms, byPhase,
                m.In, m.Out, m.Elements, [.. last.Schema.Links.Where(l => l.Target.Id == node.Id).Select(l => l.Source.Id)]));
            foreach (var rule in rules.DefaultIfEmpty("(no rule)"))
            {
                nodeMs[rule] = nodeMs.GetValueOrDefault(rule) + ms / Math.Max(1, rules.Count);
            }
        }

        var actionMs = last.ActionMs.Keys.ToDictionary(k => k, k => Trimmed(runs.Select(r => r.ActionMs.GetValueOrDefault(k))), StringComparer.Ordinal);
        var justifications = new Dictionary<string, int>(StringComparer.Ordinal);
        var conclusions = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = last.Result;
        foreach (var group in result.Conditions.Select(c => c.Justifications).Concat(result.NextSteps.Select(s => s.Justifications)))
        {
            foreach (var byRule in group.GroupBy(j => j.Rule))
            {
                justifications[byRule.Key] = justifications.GetValueOrDefault(byRule.Key) + byRule.Count();
                conclusions[byRule.Key] = conclusions.GetValueOrDefault(byRule.Key) + 1;
            }
        }

        var phases = Enumerable.Range(0, Phases).Select(p => runs.Select(r => r.Phases[p]).Order().ElementAt(Runs / 2)).ToArray();
        Console.WriteLine($"{proposals:N0} proposals: {result.Conditions.Count:N0} conditions ({result.Conditions.Sum(c => c.Justifications.Count):N0} justifications), "
            + $"{result.NextSteps.Count:N0} next steps ({result.NextSteps.Sum(s => s.Justifications.Count):N0} justifications), {result.RulesFired:N0} firings; "
            + $"instrumented runs {string.Join(", ", runs.Select(r => r.Phases.Sum().ToString("F0", Inv)))} ms");
        var allocated = Measure.AllocatedBytes(() => engine.Evaluate(scenario)) / 1e6;
        return new Measured(data.FactCount, allocated, phases[0], phases[1], phases[2], phases[3], phases.Sum(), nodeMs, actionMs, last.Firings, conclusions, justifications, nodes);
    }

    private static Single Once(ScenarioEngine engine, Scenario scenario)
    {
        var session = SessionProbe.CreateSession(engine, scenario);
        var nrules = (ISession)SessionField.GetValue(session)!;
        var actionMs = new Dictionary<string, double>(StringComparer.Ordinal);
        var firings = new Dictionary<string, int>(StringComparer.Ordinal);
        var firing = Stopwatch.StartNew();
        nrules.Events.RuleFiringEvent += (_, _) => firing.Restart();
        nrules.Events.RuleFiredEvent += (_, e) =>
        {
            actionMs[e.Rule.Name] = actionMs.GetValueOrDefault(e.Rule.Name) + firing.Elapsed.TotalMilliseconds;
            firings[e.Rule.Name] = firings.GetValueOrDefault(e.Rule.Name) + 1;
        };

        var nodeMs = new Dictionary<int, double[]>();
        var counts = new Dictionary<int, (long In, long Out, int? Elements)>();
        var phases = new double[Phases];
        EvaluationResult? result = null;
        Action[] steps =
        [
            () => Call(session, "Insert", [scenario.Facts]),
            () => Call(session, "SetToday", [scenario.AsOf!.Value, true]),
            () => Call(session, "Fire", [CancellationToken.None]),
            () => result = (EvaluationResult)Call(session, "Snapshot", [scenario.Id, scenario.AsOf!.Value, CancellationToken.None])!,
        ];
        for (var p = 0; p < Phases; p++)
        {
            nrules.Metrics.Reset();
            var sw = Stopwatch.StartNew();
            steps[p]();
            phases[p] = sw.Elapsed.TotalMilliseconds;
            foreach (var m in nrules.Metrics.GetAll())
            {
                if (!nodeMs.TryGetValue(m.NodeId, out var values))
                {
                    nodeMs[m.NodeId] = values = new double[Phases];
                }

                values[p] = m.InsertDurationMilliseconds + m.UpdateDurationMilliseconds + m.RetractDurationMilliseconds;
                var c = counts.GetValueOrDefault(m.NodeId);
                counts[m.NodeId] = (c.In + m.InsertInputCount + m.UpdateInputCount + m.RetractInputCount,
                    c.Out + m.InsertOutputCount + m.UpdateOutputCount + m.RetractOutputCount, m.ElementCount);
            }
        }

        return new Single(phases, nodeMs, counts, actionMs, firings, result!, ((ISessionSchemaProvider)nrules).GetSchema());
    }

    private static object? Call(object target, string name, object?[] args) =>
        (target.GetType().GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{target.GetType().Name}.{name} not found")).Invoke(target, args);

    private static string Ratio(double large, double small) => small > 0 ? (large / small).ToString(large / small >= 10 ? "F0" : "F1", Inv) : "–";

    private static string Short(string s, int max) => (s.Length <= max ? s : s[..(max - 1)] + "…").Replace("|", "\\|", StringComparison.Ordinal);

    internal static readonly FieldInfo SessionField =
        typeof(ScenarioEngine).Assembly.GetType("SecurityGuarantees.Evaluation.ScenarioSession")?.GetField("_session", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("ScenarioSession._session not found");
}
