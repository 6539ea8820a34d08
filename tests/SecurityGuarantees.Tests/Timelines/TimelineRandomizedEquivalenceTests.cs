using System.Text;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Timelines;

/// <summary>
/// Randomized timelines (seeded, so every run is the same): demands inserted, updated and retracted step by step under
/// rules with joins, <c>not:</c>, <c>exists:</c>, <c>count:</c>, <c>aggregate:</c> and <c>let:</c>, chained conditions, several rules stating one condition
/// and a rule <c>insert:</c>. After every step the timeline's state must equal a fresh evaluation of the facts it has
/// reached, and all four combinations of the compilation switches (indexed joins, direct conclusions) must give the same
/// timeline JSON. This is what incremental truth maintenance promises; the second rule set makes <c>Demand</c> reachable
/// only through index lookups, so its facts stay out of NRules; the third runs the first's rules over a fact type and
/// enums declared in YAML (issue 13), beside a second declared type with the same fields and keys that no rule reads.
/// </summary>
public sealed class TimelineRandomizedEquivalenceTests
{
    private const int Seeds = 60;
    private const int StepsPerTimeline = 4;

    /// <summary>
    /// Aggregates (grouped and not, joined to an earlier binding, with having) and a let over them (issue 13): their
    /// values and justifications must follow every insert, update and retract as a fresh evaluation would compute them.
    /// </summary>
    private const string ComputedElements = "\n" + """
          - id: demands-per-holder
            when:
              - aggregate: Demand
                where: status == "open"
                groupBy: holder
                as: g
                compute: { n: count(), kinds: collectDistinct(kind), targets: count(distinct target) }
                having: g.n >= 2
            then:
              - condition: holder-demands
                subject: "{g.key}"
                text: "{g.n} {g.kinds} {g.targets}"
          - id: targeted
            when:
              - fact: Party
                as: p
              - aggregate: Demand
                where: target == p.id
                as: a
                compute: { n: count(), statuses: count(distinct status), kinds: collect(kind) }
              - let: { label: p.id + ":" + lower(p.name), twice: a.n * 2 }
            then:
              - condition: targeted
                subject: "{p.id}"
                text: "{label} {a.n} {twice} {a.statuses} {a.kinds}"
        """;

    /// <summary>Rules on derived conditions (a chain, and a second rule stating <c>mutual</c>), appended to both rule sets.</summary>
    private const string ChainedConditions = "\n" + """
          - id: chain
            when:
              - fact: Condition
                as: c
                where: id == "mutual"
              - fact: Demand
                as: d
                where: holder == c.subject && kind == "neutrality"
            then:
              - condition: mutual-neutrality
                subject: "{c.subject}"
                text: "n"
                severity: critical
          - id: chain2
            when:
              - fact: Condition
                as: c
                where: id == "precondition-contested"
            then:
              - condition: mutual
                subject: "{c.subject}"
                text: "mutual demands"
                severity: info
              - condition: contested-echo
                subject: "{c.subject}"
                text: "echo {c.text}"
        """;

    private const string JoinsOnDemands = """
        version: 1
        ruleset: f
        rules:
          - id: mutual
            when:
              - fact: Demand
                as: d
                where: status == "open"
              - fact: Demand
                as: e
                where: holder == d.target && target == d.holder && status == "open"
            then:
              - condition: mutual
                subject: "{d.holder}"
                parties: ["{d.holder}", "{e.holder}"]
                severity: warning
                text: "mutual demands"
          - id: unanswered
            when:
              - fact: Demand
                as: d
              - not:
                  fact: Demand
                  where: holder == d.target && status == "open"
            then:
              - nextStep: answer
                actor: "{d.target}"
                subject: "{d.id}"
                text: "answer"
          - id: per-demand
            when:
              - fact: Demand
                as: d
                where: timing == "precondition"
              - exists:
                  fact: Demand
                  where: target == d.holder
            then:
              - condition: precondition-contested
                subject: "{d.id}"
                parties: ["{d.holder}"]
                text: "{d.holder} vs {d.target}"
          - id: count-holder
            when:
              - fact: Party
                as: p
              - count: Demand
                where: holder == p.id && status == "open"
                as: n
                atLeast: 2
            then:
              - condition: many-demands
                subject: "{p.id}"
                text: "{p.id} has {n}"
          - id: monitor
            when:
              - fact: Demand
                as: d
                where: kind == "verification"
            then:
              - insert: { Commitment: { id: "mon-{d.holder}", party: "{d.holder}", kind: monitoring } }
          - id: monitored
            when:
              - fact: Commitment
                as: m
                where: kind == "monitoring"
              - fact: Position
                as: pos
                where: party == m.party
            then:
              - nextStep: watch
                actor: "{pos.party}"
                subject: "{pos.proposal}"
                text: "watch"
        """ + ChainedConditions + ComputedElements;

    private const string LookupsOnly = """
        version: 1
        ruleset: f
        rules:
          - id: mutual
            when:
              - fact: Party
                as: p
              - fact: Demand
                as: d
                where: holder == p.id && status == "open"
              - fact: Demand
                as: e
                where: holder == d.target && target == p.id && status == "open"
            then:
              - condition: mutual
                subject: "{p.id}"
                parties: ["{d.holder}", "{e.holder}"]
                severity: warning
                text: "mutual demands"
          - id: unanswered
            when:
              - fact: Party
                as: p
              - fact: Demand
                as: d
                where: holder == p.id
              - not:
                  fact: Demand
                  where: holder == d.target && status == "open"
            then:
              - nextStep: answer
                actor: "{d.target}"
                subject: "{d.id}"
                text: "answer"
          - id: per-demand
            when:
              - fact: Party
                as: p
              - fact: Demand
                as: d
                where: target == p.id && timing == "precondition"
              - exists:
                  fact: Demand
                  where: target == d.holder
            then:
              - condition: precondition-contested
                subject: "{d.id}"
                parties: ["{d.holder}"]
                text: "{d.holder} vs {d.target}"
        """ + ChainedConditions;

    /// <summary><c>Claim</c> mirrors <c>Demand</c> with declared enums; <c>Noise</c> holds the same facts and must never match.</summary>
    private const string DeclaredClaims = """
        version: 1
        enums:
          ClaimKind: [neutrality, verification, army-cap]
          ClaimTiming: [precondition, settlement]
          ClaimStatus: [open, withdrawn]
        types:
          Claim:
            description: A demand, declared in YAML
            fields: { id: string, holder: string, target: string, kind: ClaimKind, timing: ClaimTiming, status: ClaimStatus }
            defaults: { status: open }
          Noise:
            fields: { id: string, holder: string, target: string, kind: ClaimKind, timing: ClaimTiming, status: ClaimStatus }
        """;

    private static readonly string[] PartyIds = ["UA", "RU", "US", "EU"];
    private static readonly string[] Kinds = ["neutrality", "verification", "army-cap"];

    public static TheoryData<string> RuleSets() => [nameof(JoinsOnDemands), nameof(LookupsOnly), nameof(DeclaredClaims)];

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void EveryStepEndsAsAFreshEvaluation_AndTheSwitchesAgree(string ruleSet)
    {
        var declared = ruleSet == nameof(DeclaredClaims);
        var rules = ruleSet == nameof(LookupsOnly) ? LookupsOnly : declared ? JoinsOnDemands.Replace("Demand", "Claim", StringComparison.Ordinal) : JoinsOnDemands;
        var engines = new[] { (false, false), (true, false), (false, true), (true, true) }
            .Select(s => (Switches: $"indexed joins {s.Item1}, direct conclusions {s.Item2}", Engine: new ScenarioEngineBuilder()
                .AddRuleText("r.yaml", rules).AddRuleText("types.yaml", DeclaredClaims).WithIndexedJoins(s.Item1).WithDirectConclusions(s.Item2).Build()))
            .ToList();
        if (declared)
        {
            // Joins on a declared type are index lookups too (the session keys its buckets by the declared name).
            Assert.Contains(engines[^1].Engine.Rules.Indexes, i => i.Type.Name == "Claim");
        }

        if (ruleSet == nameof(LookupsOnly))
        {
            Assert.Contains(typeof(Domain.Demand), engines[^1].Engine.Rules.IndexOnlyTypes);
        }

        for (var seed = 0; seed < Seeds; seed++)
        {
            var (scenario, steps) = Generate(new Random(seed));
            if (declared)
            {
                (scenario, steps) = AsClaims(scenario, steps);
            }

            string? reference = null;
            foreach (var (switches, engine) in engines)
            {
                var json = TimelineJsonWriter.ToJson(engine.RunTimeline(engine.ParseTimeline("t.yaml", Yaml(scenario, steps, steps.Count))));
                reference ??= json;
                Assert.True(reference == json, $"seed {seed}: {switches} differs from the first combination\n{Yaml(scenario, steps, steps.Count)}");
                for (var k = 1; k <= steps.Count; k++)
                {
                    var timeline = engine.ParseTimeline("t.yaml", Yaml(scenario, steps, k));
                    TimelineAssert.FinalEqualsFreshEvaluation(engine, timeline, engine.RunTimeline(timeline),
                        $"seed {seed}, {switches}, after step {k}:\n{Yaml(scenario, steps, k)}");
                }
            }
        }
    }

    /// <summary>A scenario (parties, two proposals, positions, five demands) and its steps, from one seed.</summary>
    private static (string Scenario, List<string> Steps) Generate(Random random)
    {
        var live = new SortedSet<string>(StringComparer.Ordinal);
        var scenario = new StringBuilder("version: 1\nscenario: random\nasOf: 2025-03-11\nfacts:\n  Party:\n");
        foreach (var party in PartyIds)
        {
            scenario.Append($"    - {{ id: {party}, name: {party} }}\n");
        }

        scenario.Append("  Proposal:\n    - { id: p0, kind: ceasefire }\n    - { id: p1, kind: ceasefire }\n  Position:\n");
        foreach (var party in PartyIds.Take(2))
        {
            scenario.Append($"    - {{ proposal: p0, party: {party}, stance: accepted }}\n");
        }

        scenario.Append("  Demand:\n");
        for (var i = 0; i < 5; i++)
        {
            live.Add("d" + i);
            scenario.Append("    - " + Demand(random, "d" + i) + "\n");
        }

        var steps = new List<string>();
        var next = 5;
        for (var s = 0; s < StepsPerTimeline; s++)
        {
            var step = new StringBuilder($"  - on: 2025-03-{12 + s}\n");
            var retract = live.Where(_ => random.Next(5) == 0).Take(1).ToList();
            var update = live.Except(retract).Where(_ => random.Next(3) == 0).ToList();
            var insert = Enumerable.Range(0, random.Next(3)).Select(_ => "d" + next++).ToList();
            Append(step, "retract", retract.Select(id => $"{{ id: {id} }}"));
            Append(step, "update", update.Select(id => Demand(random, id)));
            Append(step, "insert", insert.Select(id => Demand(random, id)));
            live.ExceptWith(retract);
            live.UnionWith(insert);
            steps.Add(step.ToString());
        }

        return (scenario.ToString(), steps);
    }

    /// <summary>The same timeline over the declared <c>Claim</c>, with every initial claim copied as a <c>Noise</c> fact.</summary>
    private static (string Scenario, List<string> Steps) AsClaims(string scenario, List<string> steps)
    {
        var demands = scenario[(scenario.IndexOf("  Demand:\n", StringComparison.Ordinal) + "  Demand:\n".Length)..];
        var claims = scenario.Replace("Demand:", "Claim:", StringComparison.Ordinal) + "  Noise:\n" + demands;
        return (claims, [.. steps.Select(s => s.Replace("Demand:", "Claim:", StringComparison.Ordinal))]);
    }

    private static void Append(StringBuilder step, string change, IEnumerable<string> demands)
    {
        var items = demands.ToList();
        if (items.Count > 0)
        {
            step.Append($"    {change}:\n      Demand:\n").Append(string.Concat(items.Select(d => $"        - {d}\n")));
        }
    }

    private static string Demand(Random random, string id) =>
        $"{{ id: {id}, holder: {PartyIds[random.Next(PartyIds.Length)]}, target: {PartyIds[random.Next(PartyIds.Length)]}, "
        + $"kind: {Kinds[random.Next(Kinds.Length)]}, timing: {(random.Next(2) == 0 ? "precondition" : "settlement")}, "
        + $"status: {(random.Next(4) == 0 ? "withdrawn" : "open")} }}";

    private static string Yaml(string scenario, List<string> steps, int count) =>
        scenario + "timeline:\n" + string.Concat(steps.Take(count));
}
