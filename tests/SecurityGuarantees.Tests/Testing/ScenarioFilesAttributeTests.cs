using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Testing.TestingFixtures;

namespace SecurityGuarantees.Tests.Testing;

/// <summary>The xunit data attribute of <c>SecurityGuarantees.Testing</c>: data rows, names, serialization, path lookup.</summary>
public sealed class ScenarioFilesAttributeTests
{
    [Fact]
    public void GetData_Folder_GivesOneNamedCasePerScenarioAndStepWithExpect()
    {
        var rows = new ScenarioFilesAttribute(Path("passing")).GetData(null!).ToList();

        Assert.All(rows, r => Assert.IsType<ScenarioFileCase>(Assert.Single(r)));
        Assert.Equal(
            ["jeddah-pass", "jeddah-no-expect", "jeddah-timeline-pass", "jeddah-timeline-pass @ 2025-03-13", "jeddah-timeline-pass @ 2025-03-15"],
            rows.Select(r => r[0].ToString()));
    }

    [Fact]
    public void GetData_WithoutTimelineSteps_GivesOneCasePerFile()
    {
        var rows = new ScenarioFilesAttribute(Path("passing")) { IncludeTimelineSteps = false }.GetData(null!);

        Assert.Equal(3, rows.Count());
    }

    [Fact]
    public void GetData_RelativePath_IsFoundAboveTheTestAssembly()
    {
        var rows = new ScenarioFilesAttribute("examples/scenarios").GetData(null!).ToList();

        Assert.Contains(rows, r => r[0].ToString() == "paris-e5-2025-03-12");
        Assert.All(rows, r => Assert.True(File.Exists(((ScenarioFileCase)r[0]).TestCase.File)));
    }

    [Fact]
    public void GetData_UnknownPath_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new ScenarioFilesAttribute("no/such/folder").GetData(null!).ToList());
    }

    [Fact]
    public void ScenarioFileCase_RoundTripsThroughXunitSerialization()
    {
        var original = new ScenarioFileCase(new ScenarioTestCase("a/b.yaml", "s", 3, new DateOnly(2025, 3, 13)));
        var info = new SerializationInfo();
        original.Serialize(info);
        var copy = new ScenarioFileCase();
        copy.Deserialize(info);

        Assert.Equal(original.TestCase, copy.TestCase);
        Assert.Equal("s @ 2025-03-13", copy.ToString());

        var scenarioOnly = new ScenarioFileCase(new ScenarioTestCase("a/b.yaml", "s"));
        info = new SerializationInfo();
        scenarioOnly.Serialize(info);
        copy = new ScenarioFileCase();
        copy.Deserialize(info);
        Assert.Equal(scenarioOnly.TestCase, copy.TestCase);
    }

    [Theory]
    [ScenarioFiles("tests/SecurityGuarantees.Tests/Testing/Fixtures/passing")]
    public void FixtureScenario_Passes(ScenarioFileCase scenario)
    {
        scenario.Run(Engine).ShouldPass();
    }

    private sealed class SerializationInfo : Xunit.Abstractions.IXunitSerializationInfo
    {
        private readonly Dictionary<string, object?> _values = [];

        public void AddValue(string key, object? value, Type? type = null) => _values[key] = value;

        public object? GetValue(string key, Type type) => _values.GetValueOrDefault(key);

        public T GetValue<T>(string key) => (T)_values.GetValueOrDefault(key)!;
    }
}
