using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Tests.Support;

/// <summary>Builds engines from fixture rule files and collects load diagnostics.</summary>
internal static class TestEngines
{
    public static ScenarioEngine FromFixtures(params string[] ruleFixtures)
    {
        var builder = new ScenarioEngineBuilder();
        foreach (var fixture in ruleFixtures)
        {
            builder.AddRules(TestPaths.Fixture(fixture));
        }

        return builder.Build();
    }

    public static ScenarioEngine FromText(string yaml, string name = "test.yaml") =>
        new ScenarioEngineBuilder().AddRuleText(name, yaml).Build();

    public static IReadOnlyList<Diagnostic> LoadErrors(string yaml, string name = "test.yaml")
    {
        var e = Assert.Throws<RuleLoadException>(() => FromText(yaml, name));
        return e.Diagnostics;
    }
}
