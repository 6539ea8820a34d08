using BenchmarkDotNet.Running;
using SecurityGuarantees.Benchmarks;

if (args.Contains("--hello"))
{
    return 0; // the hello-world baseline of the cold-start fallback
}

if (args.Contains("--serve-load"))
{
    // Issue 15: the bounded load test of `serve` on loopback (docs/server.md): --serve-load [seconds per level, default 8]
    var rest = args.SkipWhile(a => a != "--serve-load").Skip(1).ToArray();
    return ServerLoad.Run(rest.Length > 0 ? double.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 8);
}

if (args.Contains("--write-yaml"))
{
    // A generated scenario as a YAML file, to run the CLI (or a profiler) on it: --write-yaml <proposals> <path>
    var rest = args.SkipWhile(a => a != "--write-yaml").Skip(1).ToArray();
    File.WriteAllText(rest[1], BenchData.Generate(int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture)).ToYaml());
    return 0;
}

if (args.Contains("--loop"))
{
    // For a profiler (e.g. perf with DOTNET_PerfMapEnabled=1): --loop <proposals> <seconds> [shipped|fluent],
    // or --loop variants <seconds>: row 14b's 64 variants of Paris E5 (a run counts as one "evaluation" below)
    var rest = args.SkipWhile(a => a != "--loop").Skip(1).ToArray();
    if (rest[0] == "variants")
    {
        AllocationProfile.LoopVariants(double.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    var data = BenchData.Generate(int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture));
    var scenario = YamlImplementation.ToScenario(data);
    var until = DateTime.UtcNow.AddSeconds(double.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
    var kind = rest.ElementAtOrDefault(2) ?? "five";
    var ours = kind == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
    var fluent = FluentImplementation.Create();
    var runs = 0;
    var second = System.Diagnostics.Stopwatch.StartNew();
    var runsThisSecond = 0;
    var pausedBefore = GC.GetTotalPauseDuration();
    while (DateTime.UtcNow < until)
    {
        if (second.ElapsedMilliseconds >= 1000)
        {
            // The time per evaluation second by second (shows when the JIT has reached steady state), and the part of it
            // the garbage collector paused (the rest is the engine's own work).
            var pause = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
            Console.WriteLine($"{second.Elapsed.TotalMilliseconds / runsThisSecond:F4} ms per evaluation, of which GC pauses {pause / runsThisSecond:F4} ms");
            second.Restart();
            runsThisSecond = 0;
            pausedBefore = GC.GetTotalPauseDuration();
        }

        runsThisSecond++;
        if (kind == "fluent")
        {
            fluent.Evaluate(data);
        }
        else
        {
            ours.Evaluate(scenario);
        }

        runs++;
    }

    Console.WriteLine($"{runs} evaluations");
    return 0;
}

if (args.Contains("--compile-loop"))
{
    // For a profiler: compile <rules> generated YAML rules repeatedly for <seconds>: --compile-loop <rules> <seconds> [fluent]
    var rest = args.SkipWhile(a => a != "--compile-loop").Skip(1).ToArray();
    var count = int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture);
    var yaml = YamlImplementation.GenerateRules(count);
    var fluent = rest.ElementAtOrDefault(2) == "fluent";
    var until = DateTime.UtcNow.AddSeconds(double.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
    var runs = 0;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    while (DateTime.UtcNow < until)
    {
        var lap = watch.Elapsed.TotalMilliseconds;
        if (fluent)
        {
            FluentImplementation.CompileGenerated(count);
        }
        else
        {
            YamlImplementation.Compile(yaml, fastExpressionCompiler: true);
        }

        runs++;
        Console.WriteLine($"compile {runs}: {watch.Elapsed.TotalMilliseconds - lap:F0} ms");
    }

    return 0;
}

if (args.Contains("--alloc"))
{
    // Allocations by type for one evaluation: --alloc <proposals> [five|shipped]
    // or --alloc variants: row 14b's 64 variants of Paris E5 beside one evaluation of it
    var rest = args.SkipWhile(a => a != "--alloc").Skip(1).ToArray();
    if (rest[0] == "variants")
    {
        AllocationProfile.RunVariants();
        return 0;
    }

    AllocationProfile.Run(int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture), rest.ElementAtOrDefault(1) ?? "five");
    return 0;
}

if (args.Contains("--phases"))
{
    // Where one evaluation's time goes: --phases <proposals> [five|shipped]
    var rest = args.SkipWhile(a => a != "--phases").Skip(1).ToArray();
    var proposals = int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture);
    var ours = rest.ElementAtOrDefault(1) == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
    SessionProbe.PrintPhases(ours.Engine, YamlImplementation.ToScenario(BenchData.Generate(proposals)), Math.Max(3, 20_000 / (proposals + 10)));
    return 0;
}

if (args.Contains("--index-ab"))
{
    // Indexed joins against NRules' own joins by scenario size (alternating, CPU time, and bytes)
    IndexingBySize.Run();
    return 0;
}

if (args.Contains("--network"))
{
    // The NRules network's shape: nodes by kind, alpha nodes under each type node: --network [five|shipped|fluent] [--nodes]
    var kind = args.SkipWhile(a => a != "--network").Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "five";
    NetworkShape.Print(kind, nodes: args.Contains("--nodes"));
    return 0;
}

if (args.Contains("--rule-costs"))
{
    // Where the shipped rules' time goes, per rule and per NRules node: --rule-costs [proposals…] [--drop …] [--without …] [--leave-one-out]
    RuleCosts.Run(args);
    return 0;
}

if (args.Contains("--memory-load"))
{
    // Issue 12: where a large scenario's memory goes, stage by stage: --memory-load <proposals> [five|shipped]
    LoadMemoryProbe.Run(args);
    return 0;
}

if (args.Contains("--memory"))
{
    WorkingMemoryProbe.Run(args);
    return 0;
}

if (args.Contains("--quick"))
{
    return QuickMode.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickMode).Assembly).Run(args);
return 0;
