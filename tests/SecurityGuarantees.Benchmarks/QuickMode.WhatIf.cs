using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Benchmarks;

/// <summary>Issue 14's targets: variants as incremental changes of one live session, and a suggestion under a second.</summary>
internal static partial class QuickMode
{
    /// <summary>Row 14b's dimensions: six two-valued dimensions of the Paris E5 scenario (64 variants).</summary>
    internal static IReadOnlyList<VariationDimension> ParisE5Dimensions() => VariationDimensions.Parse(
        [
            "Position[jeddah-ceasefire/RU].stance=accepted,pending",
            "Position[jeddah-ceasefire/UA].stance=accepted,conditional",
            "Proposal[jeddah-ceasefire].mutual=true,false",
            "Commitment[interest-fr].level=interested,political",
        ],
        ["Observation[healey-over-to-you]", "Demand[ru-demilitarisation]"]);

    private static void WhatIf()
    {
        Section("What-if: variants on one live session and suggestions (the shipped rules, ms)");
        var engine = new ScenarioEngineBuilder().Build();
        var root = RepositoryRoot();
        var e5Text = File.ReadAllText(Path.Combine(root, "examples", "scenarios", "2025-03-12-paris-e5.yaml"));
        var e5 = engine.ParseScenario("paris-e5.yaml", e5Text);

        // The issue's example: Russia's answer to Jeddah × the US backstop there or not. The E5 scenario has no US backstop,
        // so one is added as the Paris Declaration has it (planning, on a ceasefire).
        var withBackstop = engine.ParseScenario("paris-e5-backstop.yaml", e5Text.Replace("  Commitment:\n",
            "  Commitment:\n    - { id: us-backstop, party: US, kind: us-backstop, level: planning, trigger: on-ceasefire }\n", StringComparison.Ordinal));
        IReadOnlyList<VariationDimension> six = VariationDimensions.Parse(["Position[jeddah-ceasefire/RU].stance=accepted,rejected,pending"], ["Commitment[us-backstop]"]);
        var sixtyFour = ParisE5Dimensions();

        Console.WriteLine("| workload | variants | one full evaluation | all variants | ÷ one evaluation, wall (CPU) | per variant | allocated ÷ one evaluation |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (id, name, scenario, dimensions) in new[]
                 {
                     ("14a", "issue example (RU stance × US backstop)", withBackstop, six),
                     ("14b", "Paris E5, 6 two-valued dimensions", e5, sixtyFour),
                 })
        {
            var count = engine.RunVariants(scenario, dimensions).Variants.Count;
            // Timed alternately, round by round, so load on a shared machine hits both sides of the ratio, and on the CPU
            // (this thread's CPU time) as well as the wall clock: timed one after the other on the wall clock, 14b read
            // anything from 3.6 to 11 on the same build. The row is the median of the rounds' CPU-time ratios.
            var (one, all, ratio, cpuRatio) = Measure.Interleaved(() => engine.Evaluate(scenario), () => engine.RunVariants(scenario, dimensions));
            // Allocations do not depend on the machine's load: a steady companion figure to the timed ratio.
            var bytes = (double)Measure.AllocatedBytes(() => engine.RunVariants(scenario, dimensions)) / Measure.AllocatedBytes(() => engine.Evaluate(scenario));
            Console.WriteLine($"| {name} | {count} | {one:F3} | {all:F3} | {ratio:F2} (CPU {cpuRatio:F2}) | {all / count:F3} | {bytes:F2} |");
            Add(id, $"what-if: {count} variants ({name}) ÷ one full evaluation (CPU time)", cpuRatio, 8, atMost: true);
        }

        var declaration = engine.ParseScenario("paris-declaration.yaml", File.ReadAllText(Path.Combine(root, "examples", "scenarios", "2026-01-06-paris-declaration.yaml")));
        var deployment = Measure.Ms(() => engine.SuggestForCondition(declaration, "deployment-planning"), repetitions: 3);
        var ceasefire = Measure.Ms(() => engine.SuggestForCondition(e5, "ceasefire-in-force"), repetitions: 3, warmUpMs: 0);
        var report = engine.SuggestForCondition(e5, "ceasefire-in-force");
        Console.WriteLine("| suggestion | ms | evaluations |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| deployment-planning on the Paris Declaration (3 changes) | {deployment:F2} | {engine.SuggestForCondition(declaration, "deployment-planning").Evaluations} |");
        Console.WriteLine($"| ceasefire-in-force on Paris E5 (3 changes, {report.Suggestions.Count} sets) | {ceasefire:F0} | {report.Evaluations} |");
        Add("14c", "what-if: deployment-planning suggestion on the Paris Declaration, seconds", deployment / 1000, 1, atMost: true);
    }
}
