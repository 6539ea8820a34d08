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

    /// <summary>The one diagnostic with <paramref name="code"/> that loading the rules gives; fails listing all of them otherwise.</summary>
    public static Diagnostic SingleLoadError(string yaml, string code)
    {
        var diagnostics = LoadErrors(yaml);
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join("\n", diagnostics)}");
        return matching[0];
    }

    public static IReadOnlyList<Diagnostic> LoadErrors(string yaml, string name = "test.yaml")
    {
        var e = Assert.Throws<RuleLoadException>(() => FromText(yaml, name));
        return e.Diagnostics;
    }
}
