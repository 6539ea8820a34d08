using System.Reflection;
using System.Text;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Benchmarks;

/// <summary>(1) Our engine: the five rules as YAML, and the shipped rule set.</summary>
internal sealed class YamlImplementation
{
    public const string FiveRules = """
        version: 1
        ruleset: bench
        rules:
          - id: ceasefire-pending
            when:
              - fact: Proposal
                as: p
                where: kind == "ceasefire" && mutual
              - fact: Position
                where: proposal == p.id && party == "UA" && stance in ["accepted", "conditional"]
              - not:
                  fact: Position
                  where: proposal == p.id && party == "RU" && stance in ["accepted", "rejected"]
            then:
              - condition: ceasefire-pending
                subject: "{p.id}"
          - id: ceasefire-agreed
            when:
              - fact: Proposal
                as: p
                where: kind == "ceasefire" && mutual
              - fact: Position
                where: proposal == p.id && party == "UA" && stance == "accepted"
              - fact: Position
                where: proposal == p.id && party == "RU" && stance == "accepted"
            then:
              - condition: ceasefire-agreed
                subject: "{p.id}"
          - id: press-for-answer
            when:
              - fact: Condition
                as: c
                where: id == "ceasefire-pending"
              - fact: Proposal
                as: p
                where: id == c.subject
            then:
              - nextStep: press-for-answer
                actor: RU
                subject: "{p.id}"
          - id: coalition-formed
            when:
              - count: Commitment
                where: kind == "reassurance-force" && level in ["political", "legally-binding"]
                distinct: party
                as: n
                atLeast: 10
            then:
              - condition: coalition-formed
                subject: reassurance-force
          - id: army-cap-demand
            when:
              - fact: Demand
                as: d
                where: kind == "army-cap" && value < 800000
            then:
              - condition: army-cap-contested
                subject: "{d.id}"
        """;

    private YamlImplementation(ScenarioEngine engine) => Engine = engine;

    public ScenarioEngine Engine { get; }

    /// <summary>
    /// The default firing limit (10,000) stops a 10,000-proposal evaluation, which legitimately fires ~2 rules per
    /// conclusion (the author rule and the merge rule); the benchmarks raise it.
    /// </summary>
    public const int MaxFirings = 10_000_000;

    public static YamlImplementation CreateFiveRules() =>
        new(new ScenarioEngineBuilder().AddRuleText("bench.yaml", FiveRules).WithMaxFirings(MaxFirings).Build());

    public static YamlImplementation CreateShipped() => new(new ScenarioEngineBuilder().AddBuiltInRules().WithMaxFirings(MaxFirings).Build());

    public static Scenario ToScenario(BenchData data) => Scenario.Create($"generated-{data.ProposalCount}", data.AllFacts, BenchData.AsOf);

    public Results.EvaluationResult Evaluate(Scenario scenario) => Engine.Evaluate(scenario);

    public SortedSet<string> Conclude(Scenario scenario) => Conclusions.Of(Evaluate(scenario));

    /// <summary>
    /// <paramref name="count"/> generated rules: alternately a demand filter and a ceasefire-pending join, each with its
    /// own constant so no two rules are the same network.
    /// </summary>
    public static string GenerateRules(int count)
    {
        var s = new StringBuilder("version: 1\nruleset: generated\nrules:\n");
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                s.Append($"""
                      - id: demand-{i}
                        when:
                          - fact: Demand
                            as: d
                            where: kind == "army-cap" && value < {500_000 + i}
                        then:
                          - condition: demand-{i}
                            subject: "{"{d.id}"}"

                    """);
            }
            else
            {
                s.Append($"""
                      - id: pending-{i}
                        when:
                          - fact: Proposal
                            as: p
                            where: kind == "ceasefire" && durationDays >= {i}
                          - fact: Position
                            where: proposal == p.id && party == "UA" && stance == "accepted"
                          - not:
                              fact: Position
                              where: proposal == p.id && party == "RU" && stance == "accepted"
                        then:
                          - condition: pending-{i}
                            subject: "{"{p.id}"}"

                    """);
            }
        }

        return s.ToString();
    }

    public static ScenarioEngine Compile(string yaml, bool fastExpressionCompiler)
    {
        var builder = new ScenarioEngineBuilder().AddRuleText("generated.yaml", yaml);
        if (!fastExpressionCompiler)
        {
            // Internal switch (no InternalsVisibleTo for this project): reached through reflection.
            FrameworkCompilerSwitch.Invoke(builder, null);
        }

        return builder.Build();
    }

    private static readonly MethodInfo FrameworkCompilerSwitch =
        typeof(ScenarioEngineBuilder).GetMethod("WithFrameworkExpressionCompiler", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("ScenarioEngineBuilder.WithFrameworkExpressionCompiler not found");
}
