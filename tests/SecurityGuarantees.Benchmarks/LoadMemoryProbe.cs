using System.Diagnostics;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--memory-load &lt;proposals&gt; [five|shipped]</c> (issue 12): where a large scenario's memory goes, stage by stage:
/// the YAML text, the loaded scenario (facts and their source locations), the evaluated session and its results, and
/// the peak working set of the load. Live bytes after a full collection, per scenario fact.
/// </summary>
internal static class LoadMemoryProbe
{
    public static void Run(string[] args)
    {
        var rest = args.SkipWhile(a => a != "--memory-load").Skip(1).ToArray();
        var proposals = int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture);
        var ours = rest.ElementAtOrDefault(1) == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
        ours.Evaluate(YamlImplementation.ToScenario(BenchData.Generate(10))); // the engine's caches are in place

        var baseline = Live();
        var text = BenchData.Generate(proposals).ToYaml();
        var warm = Stopwatch.StartNew();
        ours.Engine.ParseScenario("warm-up.yaml", text); // tiered JIT settles; the measured parse below is the second
        Console.WriteLine($"first parse (cold): {warm.ElapsedMilliseconds} ms");
        var afterText = Live();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var scenario = ours.Engine.ParseScenario("generated.yaml", text);
        var parseMs = watch.ElapsedMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var peakParse = process.PeakWorkingSet64;
        var afterParse = Live();
        var facts = scenario.Facts.Count;

        watch.Restart();
        var probe = new SessionProbe(ours.Engine, scenario);
        var result = probe.Snapshot(scenario.Id, scenario.AsOf!.Value);
        var evaluateMs = watch.ElapsedMilliseconds;
        var afterEvaluate = Live();
        process.Refresh();

        double PerFact(long bytes) => (double)bytes / facts;
        Console.WriteLine($"{proposals} proposals: {facts:N0} facts, {text.Length / 1e6:F1} M chars of YAML; parse {parseMs} ms, evaluate {evaluateMs} ms; "
            + $"{result.Conditions.Count:N0} conditions, {result.NextSteps.Count:N0} next steps");
        Console.WriteLine($"  YAML text (UTF-16 string)        {(afterText - baseline) / 1e6,8:F1} MB  {PerFact(afterText - baseline),7:F0} B/fact");
        Console.WriteLine($"  loaded scenario (facts, places)  {(afterParse - afterText) / 1e6,8:F1} MB  {PerFact(afterParse - afterText),7:F0} B/fact");
        Console.WriteLine($"  parse: allocated in all          {allocated / 1e6,8:F1} MB  {PerFact(allocated),7:F0} B/fact (YAML events, node tree, garbage)");
        Console.WriteLine($"  evaluated session and results    {(afterEvaluate - afterParse) / 1e6,8:F1} MB  {PerFact(afterEvaluate - afterParse),7:F0} B/fact");
        Console.WriteLine($"  peak working set: before parse {peakBefore / 1e6:F0} MB, after parse {peakParse / 1e6:F0} MB, at the end {process.PeakWorkingSet64 / 1e6:F0} MB");
        GC.KeepAlive(text);
        GC.KeepAlive(probe);
    }

    private static long Live() => GC.GetTotalMemory(forceFullCollection: true);
}
