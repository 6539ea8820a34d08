using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Testing;

/// <summary>The scenario fixtures of the test runner (read from the source tree) and a CLI runner for them.</summary>
internal static class TestingFixtures
{
    /// <summary><c>tests/SecurityGuarantees.Tests/Testing/Fixtures</c>, absolute.</summary>
    public static string Folder { get; } = TestPaths.Repo(System.IO.Path.Combine("tests", "SecurityGuarantees.Tests", "Testing", "Fixtures"));

    /// <summary>The one-rule fixture rule set (ceasefire-pending with respond-to-ceasefire).</summary>
    public static string RuleFile { get; } = TestPaths.Fixture("rules/ceasefire-pending.yaml");

    public static ScenarioEngine Engine { get; } = TestEngines.FromFixtures("rules/ceasefire-pending.yaml");

    public static string Path(string relative) => System.IO.Path.Combine(Folder, relative);

    /// <summary>Output with the absolute fixture folder replaced by <c>F</c>, so messages can be compared exactly.</summary>
    public static string Relative(string output) => output.Replace(Folder + System.IO.Path.DirectorySeparatorChar, "F/", StringComparison.Ordinal)
        .Replace(Folder, "F", StringComparison.Ordinal);

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
