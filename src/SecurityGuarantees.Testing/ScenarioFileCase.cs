using System.Globalization;
using Xunit.Abstractions;

namespace SecurityGuarantees.Testing;

/// <summary>
/// The parameter <see cref="ScenarioFilesAttribute"/> passes to a theory: one <see cref="ScenarioTestCase"/>,
/// serializable so that each scenario and timeline step is its own test case in test explorers, shown by its name.
/// </summary>
public sealed class ScenarioFileCase : IXunitSerializable
{
    private ScenarioTestCase? _testCase;

    /// <summary>For xunit's deserialization only.</summary>
    public ScenarioFileCase()
    {
    }

    /// <summary>Wraps a test case.</summary>
    /// <param name="testCase">The test case.</param>
    public ScenarioFileCase(ScenarioTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        _testCase = testCase;
    }

    /// <summary>The test case.</summary>
    public ScenarioTestCase TestCase => _testCase ?? throw new InvalidOperationException("the case has not been deserialized");

    /// <summary>
    /// Runs the test against an engine (see <see cref="ScenarioTestRunner.RunTestCase"/>); chain
    /// <see cref="ScenarioAssertions.ShouldPass"/> to fail the test with every failed expectation.
    /// </summary>
    /// <param name="engine">The engine with the rules to test against.</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    /// <exception cref="SecurityGuarantees.Diagnostics.RuleLoadException">The file has load errors.</exception>
    public ScenarioTestResult Run(ScenarioEngine engine, CancellationToken cancellationToken = default) =>
        new ScenarioTestRunner(engine).RunTestCase(TestCase, cancellationToken);

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue("file", TestCase.File);
        info.AddValue("scenario", TestCase.Scenario);
        info.AddValue("step", TestCase.Step?.ToString(CultureInfo.InvariantCulture));
        info.AddValue("on", TestCase.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var step = info.GetValue<string?>("step");
        var on = info.GetValue<string?>("on");
        _testCase = new ScenarioTestCase(
            info.GetValue<string>("file"),
            info.GetValue<string>("scenario"),
            step is null ? null : int.Parse(step, CultureInfo.InvariantCulture),
            on is null ? null : DateOnly.ParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The test case's name: the scenario id, with <c>@ yyyy-mm-dd</c> for a timeline step.</summary>
    public override string ToString() => _testCase?.Name ?? "(not deserialized)";
}
