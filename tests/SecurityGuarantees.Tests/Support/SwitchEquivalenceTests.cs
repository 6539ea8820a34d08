namespace SecurityGuarantees.Tests.Support;

/// <summary>
/// A compilation switch (indexed joins, direct conclusions) must not change anything an author sees: every example
/// scenario gives byte-identical JSON, explanation and why-not text with the switch on and off, and every example
/// timeline byte-identical JSON. Each switch's test class derives from this one and adds its own cases.
/// </summary>
public abstract class SwitchEquivalenceTests
{
    public static TheoryData<string> ExampleScenarios() => TestPaths.YamlFiles("examples/scenarios");

    public static TheoryData<string> ExampleTimelines() => TestPaths.YamlFiles("examples/timelines");

    /// <summary>The built-in rules with the switch on.</summary>
    private protected abstract ScenarioEngine On { get; }

    /// <summary>The built-in rules with the switch off.</summary>
    private protected abstract ScenarioEngine Off { get; }

    /// <summary>The rules whose why-not text is compared for every example scenario (the ones the switch changes).</summary>
    private protected abstract string[] WhyNotRules { get; }

    [Theory]
    [MemberData(nameof(ExampleScenarios))]
    public void ExampleScenario_SameJsonExplanationAndWhyNot(string file)
    {
        var path = TestPaths.Repo(Path.Combine("examples/scenarios", file));
        SameOutput.ForScenario(Off, On, path);
        SameOutput.ForExplanations(Off, On, path, WhyNotRules);
    }

    [Theory]
    [MemberData(nameof(ExampleTimelines))]
    public void ExampleTimeline_SameJson(string file)
    {
        var path = TestPaths.Repo(Path.Combine("examples/timelines", file));
        SameOutput.ForTimeline(Off, On, path);
    }
}
