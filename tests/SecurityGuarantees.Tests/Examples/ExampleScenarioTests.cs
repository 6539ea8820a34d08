using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Examples;

/// <summary>Every scenario of <c>examples/scenarios/</c>, evaluated with the built-in rules against its own <c>expect:</c> block.</summary>
public sealed class ExampleScenarioTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static readonly string Folder = TestPaths.Repo("examples/scenarios");

    /// <summary>The file names, so that each scenario is its own test case named after its file.</summary>
    public static TheoryData<string> Files
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add(file!);
            }

            return data;
        }
    }

    [Fact]
    public void Folder_HoldsAtLeastEightScenarios()
    {
        Assert.True(Directory.GetFiles(Folder, "*.yaml").Length >= 8, $"expected at least eight example scenarios in {Folder}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Evaluate_ExampleScenario_MeetsItsExpectations(string file)
    {
        var scenario = Engine.LoadScenario(Path.Combine(Folder, file));
        var diagnostics = new DiagnosticBag();
        var expectations = ExpectationParser.FromScenario(scenario, diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Items));
        Assert.NotNull(expectations);
        Assert.False(expectations.IsEmpty, $"{file}: the expect: block states nothing");

        var failures = ExpectationChecker.Check(Engine.Evaluate(scenario), expectations);

        Assert.True(failures.Count == 0, $"{failures.Count} expectation(s) of {file} failed:\n{ExpectationChecker.Format(failures)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Evaluate_ExampleScenarioTwice_GivesIdenticalJson(string file)
    {
        var path = Path.Combine(Folder, file);
        var first = JsonReportWriter.ToJson(Engine.Evaluate(Engine.LoadScenario(path)));
        var second = JsonReportWriter.ToJson(Engine.Evaluate(Engine.LoadScenario(path)));
        var other = new ScenarioEngineBuilder().Build();
        var third = JsonReportWriter.ToJson(other.Evaluate(other.LoadScenario(path)));

        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }
}
