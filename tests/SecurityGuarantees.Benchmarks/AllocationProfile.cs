using System.Diagnostics.Tracing;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--alloc &lt;proposals&gt; [shipped|five]</c>: which types one evaluation allocates, from the runtime's allocation-tick
/// events (one sample per ~100 KB allocated, so the shares are estimates), and how many collections of each generation
/// it caused. For finding allocations worth removing; not a measurement the targets read.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private bool _recording;

    public static void Run(int proposals, string kind)
    {
        var ours = kind == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
        var scenario = YamlImplementation.ToScenario(BenchData.Generate(proposals));
        for (var i = 0; i < 3; i++)
        {
            ours.Evaluate(scenario); // warm-up
        }

        // Small scenarios: enough runs for ~100 KB samples to add up.
        Profile(() => ours.Evaluate(scenario), Math.Max(5, 5_000 / (proposals + 10)), $"{proposals} proposals ({kind})");
    }

    /// <summary><c>--alloc variants</c>: row 14b's workload (64 variants of the Paris E5 scenario) beside one evaluation of it.</summary>
    public static void RunVariants()
    {
        var engine = new ScenarioEngineBuilder().Build();
        var e5 = engine.LoadScenario(Path.Combine(QuickMode.RepositoryRoot(), "examples", "scenarios", "2025-03-12-paris-e5.yaml"));
        var dimensions = QuickMode.ParisE5Dimensions();
        for (var i = 0; i < 200; i++)
        {
            engine.RunVariants(e5, dimensions); // warm-up
        }

        Profile(() => engine.RunVariants(e5, dimensions), 200, "64 variants of Paris E5");
        Profile(() => engine.Evaluate(e5), 2_000, "one evaluation of Paris E5");
    }

    /// <summary><c>--loop variants &lt;seconds&gt;</c>: row 14b's workload in a loop, for a profiler, with runs per second.</summary>
    public static void LoopVariants(double seconds)
    {
        var engine = new ScenarioEngineBuilder().Build();
        var e5 = engine.LoadScenario(Path.Combine(QuickMode.RepositoryRoot(), "examples", "scenarios", "2025-03-12-paris-e5.yaml"));
        var dimensions = QuickMode.ParisE5Dimensions();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var (runs, second) = (0, System.Diagnostics.Stopwatch.StartNew());
        while (DateTime.UtcNow < until)
        {
            engine.RunVariants(e5, dimensions);
            runs++;
            if (second.ElapsedMilliseconds >= 1000)
            {
                Console.WriteLine($"{second.Elapsed.TotalMilliseconds / runs:F3} ms per 64 variants");
                (runs, second) = (0, System.Diagnostics.Stopwatch.StartNew());
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="runs"/> times and prints what it allocated, by type.</summary>
    public static void Profile(Action action, int runs, string label)
    {
        using var listener = new AllocationProfile();
        var gcs = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        listener._recording = true;
        for (var i = 0; i < runs; i++)
        {
            action();
        }

        listener._recording = false;
        var elapsed = watch.Elapsed.TotalMilliseconds / runs;
        var pause = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / runs;
        var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / runs;
        Console.WriteLine($"{label}: {total / 1e6:F3} MB per run; collections per run: "
            + $"gen0 {(GC.CollectionCount(0) - gcs[0]) / (double)runs:F1}, gen1 {(GC.CollectionCount(1) - gcs[1]) / (double)runs:F1}, "
            + $"gen2 {(GC.CollectionCount(2) - gcs[2]) / (double)runs:F1}; {elapsed:F1} ms per run, of which GC pauses {pause:F1} ms");
        var sampled = listener._bytesByType.Values.Sum();
        foreach (var (type, bytes) in listener._bytesByType.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine($"{100.0 * bytes / sampled,6:F1} %  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName != "GCAllocationTick_V4" || e.Payload is null)
        {
            return;
        }

        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        if (Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture) == 1)
        {
            type = "(large object heap) " + type; // these trigger gen2 collections once the LOH budget is used up
        }

        var bytes = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
        }
    }
}
