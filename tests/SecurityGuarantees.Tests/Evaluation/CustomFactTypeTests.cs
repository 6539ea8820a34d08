using SecurityGuarantees.Facts;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>A host-defined fact type with a composite key, used the way a library user would.</summary>
public sealed record SanctionPackage
{
    [FactKey(0)]
    public string Issuer { get; init; } = "";

    [FactKey(1)]
    public int Number { get; init; }

    public DateOnly? Adopted { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];
}

public sealed class CustomFactTypeTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder()
        .AddFactType<SanctionPackage>()
        .AddRuleText("sanctions.yaml", """
            ruleset: sanctions
            rules:
              - id: recent-package
                when:
                  - fact: Today
                    as: today
                  - fact: SanctionPackage
                    as: s
                    where: Adopted != null && daysBetween(Adopted, today.date) <= 30 && contains(Targets, "RU")
                then:
                  - condition: recent-sanctions
                    subject: "{s.issuer}-{s.number}"
                    text: "Package {s.number} adopted {s.adopted}"
            """.Replace("Adopted", "adopted").Replace("Targets", "targets"))
        .Build();

    [Fact]
    public void AHostTypeWithACompositeKey_LoadsEvaluatesAndJoinsItsKeyWithSlash()
    {
        var scenario = Engine.ParseScenario("s.yaml", "scenario: s\nasOf: 2025-05-30\nfacts:\n  SanctionPackage:\n    - { issuer: EU, number: 17, adopted: 2025-05-20, targets: [RU] }\n    - { issuer: EU, number: 16, adopted: 2025-02-24, targets: [RU] }\n");
        var result = Engine.Evaluate(scenario);
        var condition = Assert.Single(result.Conditions);
        Assert.Equal("EU-17", condition.Subject);
        Assert.Equal("Package 17 adopted 2025-05-20", condition.Text);
        Assert.Equal("SanctionPackage:EU/17", string.Join(" ", condition.Justifications.Single().Because.Skip(1).Select(b => $"{b.Type}:{b.Key}")));
    }

    [Fact]
    public void FactsBuiltInCode_Evaluate()
    {
        var scenario = Scenario.Create("code", [new SanctionPackage { Issuer = "EU", Number = 18, Adopted = new DateOnly(2025, 7, 18), Targets = ["RU"] }], new DateOnly(2025, 7, 20));
        Assert.Equal("EU-18", Assert.Single(Engine.Evaluate(scenario).Conditions).Subject);
    }

    [Fact]
    public void AnUnregisteredFactInCode_IsRejectedWithAMessage()
    {
        var scenario = Scenario.Create("code", [new object()]);
        var e = Assert.Throws<ArgumentException>(() => Engine.Evaluate(scenario));
        Assert.Contains("AddFactType", e.Message);
    }
}
