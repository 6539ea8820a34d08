using System.Globalization;
using System.Text;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// Issue 13 §1's cost: the same rules over fact types declared in YAML and over the C# types they copy (a join, a
/// <c>not:</c>, an aggregate with groupBy and sum), on the same 4,200 facts read from the same scenario text.
/// </summary>
internal static partial class QuickMode
{
    private const string TypedRules = """
        version: 1
        ruleset: typed
        rules:
          - id: force-pledges
            when:
              - fact: Party
                as: p
              - fact: Commitment
                as: c
                where: party == p.id && kind == "reassurance-force" && size >= 4000
            then:
              - condition: large-pledge
                subject: "{c.id}"
                text: "{p.name} pledges {c.size}"
          - id: no-monitoring
            when:
              - fact: Party
                as: p
              - not:
                  fact: Commitment
                  where: party == p.id && kind == "monitoring"
            then:
              - nextStep: offer-monitoring
                actor: "{p.id}"
                subject: "{p.id}"
                text: "offer monitoring"
          - id: troops-per-party
            when:
              - aggregate: Commitment
                where: kind == "reassurance-force"
                groupBy: party
                as: a
                compute: { troops: sum(size), n: count() }
                having: a.troops >= 20000
            then:
              - condition: troops
                subject: "{a.key}"
                text: "{a.n} pledges, {a.troops} troops"
        """;

    private const string Declarations = """
        version: 1
        enums:
          PledgeKind: [monitoring, reassurance-force]
        types:
          Nation:
            fields: { id: string, name: string }
          Pledge:
            fields: { id: string, party: string, kind: PledgeKind, size: integer }
        """;

    private static void DeclaredTypes()
    {
        Section("Declared fact types (issue 13): the same rules over YAML-declared types ÷ over the C# types, ms per evaluation");
        var random = new Random(131);
        var text = new StringBuilder("version: 1\nscenario: declared\nasOf: 2025-09-04\nfacts:\n  Party:\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - {{ id: P{i:D3}, name: Party {i} }}\n");
        }

        text.Append("  Commitment:\n");
        for (var i = 0; i < 4_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"    - {{ id: c{i}, party: P{random.Next(200):D3}, kind: {(random.Next(4) == 0 ? "monitoring" : "reassurance-force")}, size: {random.Next(100, 5_000)} }}\n");
        }

        var typedYaml = text.ToString();
        var declaredYaml = typedYaml.Replace("  Party:\n", "  Nation:\n", StringComparison.Ordinal).Replace("  Commitment:\n", "  Pledge:\n", StringComparison.Ordinal);
        var declaredRules = TypedRules.Replace("Party", "Nation", StringComparison.Ordinal).Replace("Commitment", "Pledge", StringComparison.Ordinal);
        var typed = new ScenarioEngineBuilder().AddRuleText("typed.yaml", TypedRules).Build();
        var declared = new ScenarioEngineBuilder().AddRuleText("declared.yaml", declaredRules).AddRuleText("types.yaml", Declarations).Build();
        var typedScenario = typed.ParseScenario("typed.yaml", typedYaml);
        var declaredScenario = declared.ParseScenario("declared.yaml", declaredYaml);
        var conclusions = Conclusions.AssertSame("declared vs C# types",
            [("C# types", Conclusions.Of(typed.Evaluate(typedScenario))), ("declared types", Conclusions.Of(declared.Evaluate(declaredScenario)))]);

        var median = InterleavedMedians([() => typed.Evaluate(typedScenario), () => declared.Evaluate(declaredScenario)]);
        Console.WriteLine("| facts | conclusions | C# types | declared types | declared ÷ C# |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| {typedScenario.Facts.Count:N0} | {conclusions:N0} | {median[0]:F2} | {median[1]:F2} | {median[1] / median[0]:F2} |");
        Add("8c", "declared types ÷ the same rules over C# types (join, not:, aggregate; 4,200 facts)", median[1] / median[0], 1.3, atMost: true);
    }
}
