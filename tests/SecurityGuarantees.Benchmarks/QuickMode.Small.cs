namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// Issue 18's goals that the evaluation section does not already time: real-sized scenarios per second on one core beside
/// the peers, the shipped rules' growth from 1,000 to 10,000 proposals with the collector's pauses included, and whether a
/// 1,000-proposal evaluation causes a gen2 collection; and the seed-size ratios to the peers timed alternately, on the CPU.
/// The allocations per evaluation are printed by the evaluation section (rows 18d, 18e).
/// </summary>
internal static partial class QuickMode
{
    /// <summary>Bytes one seed-size evaluation of the five rules allocated before issue 18 (the quick mode's figure of 2026-12-04).</summary>
    private const double SeedBytesBefore = 134.7 * 1024;

    /// <summary>Bytes one 10,000-proposal evaluation of the five rules allocated before issue 18.</summary>
    private const double TenThousandBytesBefore = 76e6;

    /// <summary>GoRules Zen's published rate (evaluations per second, one core), as issue 18 quotes it: not measured here.</summary>
    private const double ZenPublishedPerSecond = 91_000;

    private static void Small()
    {
        Section("Small scenarios (issue 18): evaluations per second on one core, growth with the GC, gen2 collections");
        var root = RepositoryRoot();
        var shipped = YamlImplementation.CreateShipped();
        var e5 = shipped.Engine.LoadScenario(Path.Combine(root, "examples", "scenarios", "2025-03-12-paris-e5.yaml"));
        var seed = BenchData.Generate(BenchData.SeedProposals);
        var seedScenario = YamlImplementation.ToScenario(seed);
        var five = YamlImplementation.CreateFiveRules();
        var re = RulesEngineImplementation.Create();
        var fluent = FluentImplementation.Create();
        Conclusions.AssertSame("seed", [("ours", five.Conclude(seedScenario)), ("NRules Fluent", fluent.Conclude(seed)), ("RulesEngine", re.Conclude(seed))]);

        // Seed size against the peers, alternately round by round and on this thread's CPU time as well as the wall clock:
        // the wall-clock ratios of the evaluation section move by 2× with the load of a shared machine. Each is warmed up for
        // 3 s first (the background JIT; see the evaluation section): with --only small, Fluent warmed for 0.6 s read 0.18 ms
        // instead of 0.06 and the ratio 0.9 instead of 1.5.
        Measure.Ms(() => five.Evaluate(seedScenario), repetitions: 1, warmUpMs: 3_000);
        Measure.Ms(() => fluent.Evaluate(seed), repetitions: 1, warmUpMs: 3_000);
        Measure.Ms(() => re.Evaluate(seed), repetitions: 1, warmUpMs: 3_000);
        var (tF, tOursF, wallF, cpuF) = Measure.Interleaved(() => fluent.Evaluate(seed), () => five.Evaluate(seedScenario));
        var (tR, tOursR, wallR, cpuR) = Measure.Interleaved(() => re.Evaluate(seed), () => five.Evaluate(seedScenario));
        Console.WriteLine("| seed size (57 facts), ms per evaluation | ours | peer | ours ÷ peer, wall clock | ours ÷ peer, CPU time |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| NRules Fluent | {tOursF:F4} | {tF:F4} | {wallF:F2} | {cpuF:F2} |");
        Console.WriteLine($"| RulesEngine | {tOursR:F4} | {tR:F4} | {wallR:F2} | {cpuR:F2} |");
        Add("18a", "seed size: ours ÷ NRules Fluent (alternating, CPU time)", cpuF, 1.0, atMost: true);
        Add("18b", "seed size: ours ÷ RulesEngine (alternating, CPU time)", cpuR, 2.0, atMost: true);
        Console.WriteLine();

        // One thread, so one core; the peers side by side in the same process and minute.
        var tE5 = Measure.Ms(() => shipped.Evaluate(e5), warmUpMs: 2_000);
        var tFive = Measure.Ms(() => five.Evaluate(seedScenario), warmUpMs: 1_000);
        var tRe = Measure.Ms(() => re.Evaluate(seed), warmUpMs: 1_000);
        Console.WriteLine("| workload | facts | ms per evaluation | evaluations/s (one core) |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| ours: Paris E5 scenario, shipped rules ({shipped.Engine.RuleIds.Count} rules) | {e5.Facts.Count} | {tE5:F3} | {1000 / tE5:N0} |");
        Console.WriteLine($"| ours: seed size, the five rules | {seed.FactCount} | {tFive:F3} | {1000 / tFive:N0} |");
        Console.WriteLine($"| Microsoft RulesEngine: seed size, the five rules | {seed.FactCount} | {tRe:F3} | {1000 / tRe:N0} |");
        Console.WriteLine($"| GoRules Zen (published, its own benchmark; not run here) | — | {1000 / ZenPublishedPerSecond:F3} | ~{ZenPublishedPerSecond:N0} |");

        // Shipped rules, 1,000 → 10,000 proposals, GC pauses included (each timed run starts from a collected heap).
        // A 10,000-proposal evaluation takes seconds: one warm-up run, then the median of three.
        var thousand = YamlImplementation.ToScenario(BenchData.Generate(1_000));
        var tenThousand = YamlImplementation.ToScenario(BenchData.Generate(10_000));
        // 1,000: the mean of 20 evaluations in a row, so the collections they cause are in it (a single evaluation after a
        // collection causes none: 51 MB fit in the gen0 budget); 10,000: every evaluation collects several times itself.
        Measure.Ms(() => shipped.Evaluate(thousand), repetitions: 1);
        var (t1k, gc1k) = InARow(() => shipped.Evaluate(thousand), 20);
        shipped.Evaluate(tenThousand);
        var tenK = Enumerable.Range(0, 3).Select(_ =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var paused = GC.GetTotalPauseDuration();
            var ms = Measure.Once(() => shipped.Evaluate(tenThousand));
            return (Ms: ms, GcMs: (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
        }).Order().ToList()[1];

        // Gen2 collections per 1,000-proposal evaluation, in steady state (the heap as a loop of evaluations leaves it).
        const int Runs = 20;
        var gen2Before = GC.CollectionCount(2);
        InARow(() => shipped.Evaluate(thousand), Runs);
        var gen2 = (GC.CollectionCount(2) - gen2Before) / (double)Runs;
        Console.WriteLine();
        Console.WriteLine("| shipped rules | 1,000 proposals | 10,000 proposals | growth | growth without GC pauses |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| ms per evaluation (of which GC pauses) | {t1k:F1} ({gc1k:F1}) | {tenK.Ms:F0} ({tenK.GcMs:F0}) | ×{tenK.Ms / t1k:F1} | ×{(tenK.Ms - tenK.GcMs) / (t1k - gc1k):F1} |");
        Console.WriteLine($"(gen2 collections per 1,000-proposal evaluation, {Runs} evaluations in a row: {gen2:F2})");
        Add("18c", "shipped rules, 1,000 → 10,000 proposals: time × (GC included)", tenK.Ms / t1k, 12, atMost: true);
        Add("18f", "gen2 collections per 1,000-proposal evaluation (shipped rules)", gen2, 0, atMost: true);
    }

    /// <summary>The mean milliseconds and GC pauses per call of <paramref name="calls"/> calls in a row (no collection forced).</summary>
    private static (double Ms, double GcMs) InARow(Action action, int calls)
    {
        var paused = GC.GetTotalPauseDuration();
        var ms = Measure.Once(() =>
        {
            for (var i = 0; i < calls; i++)
            {
                action();
            }
        });
        return (ms / calls, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / calls);
    }
}
