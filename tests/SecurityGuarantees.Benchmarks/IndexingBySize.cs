namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--index-ab</c>: indexed joins against NRules' own joins, side by side (alternating, CPU time) at several scenario
/// sizes, for the five rules, the shipped rules and the Paris E5 example; and the bytes each allocates. For choosing the
/// size from which index lookups pay (docs/performance.md, issue 18); no target reads it.
/// </summary>
internal static class IndexingBySize
{
    public static void Run()
    {
        foreach (var indexed in new[] { true, false, true, false })
        {
            var ms = Measure.Ms(() => Engine(shipped: true, indexed), repetitions: 9);
            Console.WriteLine($"building the shipped rules, indexed joins {indexed}: {ms:F1} ms");
        }

        Console.WriteLine("| rules | scenario | facts | indexed ms | unindexed ms | unindexed ÷ indexed (CPU time) | KB indexed | KB unindexed |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var shipped in new[] { false, true })
        {
            var on = Engine(shipped, indexed: true);
            var off = Engine(shipped, indexed: false);
            var workloads = new List<(string Name, Scenarios.Scenario Scenario)>();
            if (shipped)
            {
                workloads.Add(("Paris E5", on.LoadScenario(Path.Combine(QuickMode.RepositoryRoot(), "examples", "scenarios", "2025-03-12-paris-e5.yaml"))));
            }

            foreach (var proposals in new[] { 12, 25, 50, 100, 200 })
            {
                workloads.Add(($"{proposals} proposals", YamlImplementation.ToScenario(BenchData.Generate(proposals))));
            }

            foreach (var (name, scenario) in workloads)
            {
                // Both warmed up for two seconds first: the first workload otherwise runs on unoptimised code.
                var warm = System.Diagnostics.Stopwatch.StartNew();
                while (warm.ElapsedMilliseconds < 2000)
                {
                    on.Evaluate(scenario);
                    off.Evaluate(scenario);
                }

                var (a, b, _, cpu) = Measure.Interleaved(() => on.Evaluate(scenario), () => off.Evaluate(scenario));
                var bytesOn = Measure.AllocatedBytes(() => on.Evaluate(scenario)) / 1024.0;
                var bytesOff = Measure.AllocatedBytes(() => off.Evaluate(scenario)) / 1024.0;
                Console.WriteLine($"| {(shipped ? "shipped" : "five")} | {name} | {scenario.Facts.Count} | {a:F3} | {b:F3} | {cpu:F2} | {bytesOn:F0} | {bytesOff:F0} |");
            }
        }
    }

    private static ScenarioEngine Engine(bool shipped, bool indexed)
    {
        var builder = shipped ? new ScenarioEngineBuilder().AddBuiltInRules() : new ScenarioEngineBuilder().AddRuleText("bench.yaml", YamlImplementation.FiveRules);
        return builder.WithMaxFirings(YamlImplementation.MaxFirings).WithIndexedJoins(indexed).Build();
    }
}
