using SecurityGuarantees.Domain;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Benchmarks;

/// <summary>Issue 13's costs: an <c>aggregate:</c> against the <c>count:</c> it generalises, and the firing trace on and off.</summary>
internal static partial class QuickMode
{
    private const string CountRule = """
        version: 1
        ruleset: language
        rules:
          - id: pledges
            when:
              - fact: Party
                as: p
              - count: Commitment
                where: party == p.id && kind == "reassurance-force"
                as: n
                atLeast: 2
            then:
              - condition: pledges
                subject: "{p.id}"
                text: "{p.id}: {n}"
        """;

    private const string AggregateRule = """
        version: 1
        ruleset: language
        rules:
          - id: pledges
            when:
              - fact: Party
                as: p
              - aggregate: Commitment
                where: party == p.id && kind == "reassurance-force"
                as: a
                compute: { n: count() }
                having: a.n >= 2
            then:
              - condition: pledges
                subject: "{p.id}"
                text: "{p.id}: {a.n}"
        """;

    private static void Language()
    {
        Section("Rule language (issue 13): aggregate: against the equivalent count:, and the firing trace, ms per evaluation");
        var random = new Random(13);
        var parties = Enumerable.Range(0, 200).Select(i => new Party { Id = $"P{i:D3}", Name = $"Party {i}" }).ToList();
        var commitments = Enumerable.Range(0, 4_000).Select(i => new Commitment
        {
            Id = $"c{i}",
            Party = parties[random.Next(parties.Count)].Id,
            Kind = random.Next(4) == 0 ? CommitmentKind.Monitoring : CommitmentKind.ReassuranceForce,
            Size = random.Next(100, 5_000),
        }).ToList();
        var scenario = Scenario.Create("language", [.. parties, .. commitments], new DateOnly(2025, 9, 4));
        var count = new ScenarioEngineBuilder().AddRuleText("count.yaml", CountRule).Build();
        var aggregate = new ScenarioEngineBuilder().AddRuleText("aggregate.yaml", AggregateRule).Build();
        var conclusions = Conclusions.AssertSame("aggregate vs count",
            [("count:", Conclusions.Of(count.Evaluate(scenario))), ("aggregate:", Conclusions.Of(aggregate.Evaluate(scenario)))]);

        var tracing = new EvaluationOptions { Trace = true };
        var untraced = new EvaluationOptions { Trace = false };
        Action[] variants =
        [
            () => count.Evaluate(scenario),
            () => aggregate.Evaluate(scenario),
            () => aggregate.Evaluate(scenario, untraced),
            () => aggregate.Evaluate(scenario, tracing),
            () => aggregate.Evaluate(scenario),
        ];
        var median = InterleavedMedians(variants);
        var (tCount, tAggregate, tUntraced, tTraced) = (median[0], median[1], median[2], median[3]);
        var tPlain = Math.Min(median[1], median[4]);
        Console.WriteLine("| facts | conclusions | count: | aggregate: | aggregate ÷ count | trace off | trace on | on ÷ off |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {scenario.Facts.Count:N0} | {conclusions:N0} | {tCount:F2} | {tAggregate:F2} | {tAggregate / tCount:F2} | {tUntraced:F2} | {tTraced:F2} | {tTraced / tUntraced:F2} |");
        Add("8a", "aggregate: ÷ the equivalent count: (200 parties, 4,000 commitments)", tAggregate / tCount, 1.3, atMost: true);
        Add("8b", "Trace = false ÷ no options (no cost when off)", tUntraced / tPlain, 1.05, atMost: true);
    }

    /// <summary>
    /// The median time of each variant over 15 rounds, interleaved after a common 3 s warm-up with a collection before each
    /// sample, so tiered JIT and the machine's load hit every variant alike.
    /// </summary>
    private static double[] InterleavedMedians(Action[] variants)
    {
        var samples = variants.Select(_ => new List<double>()).ToArray();
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 3_000)
        {
            Array.ForEach(variants, v => v());
        }

        for (var round = 0; round < 15; round++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                samples[i].Add(Measure.Once(variants[i]));
            }
        }

        return [.. samples.Select(s => s.Order().ElementAt(s.Count / 2))];
    }
}
