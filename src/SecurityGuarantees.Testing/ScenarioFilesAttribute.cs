using System.Reflection;
using Xunit.Sdk;

namespace SecurityGuarantees.Testing;

/// <summary>
/// An xunit data attribute for a <c>[Theory]</c> with one <see cref="ScenarioFileCase"/> parameter: every scenario
/// file under <see cref="Path"/> (searched as <see cref="ScenarioTestRunner.FindScenarioFiles"/> does) becomes a test
/// case named after its scenario, and every timeline step with <c>expect:</c> one named
/// <c>scenario @ yyyy-mm-dd</c>.
/// </summary>
/// <example><code>
/// [Theory]
/// [ScenarioFiles("examples/scenarios")]
/// public void Scenario_MeetsItsExpectations(ScenarioFileCase scenario) => scenario.Run(Engine).ShouldPass();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScenarioFilesAttribute : DataAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="path">
    /// A scenario file or folder. A relative path is looked up from the current directory, then from the test
    /// assembly's folder and each of its parents (so <c>examples/scenarios</c> finds the repository's folder from
    /// <c>bin/Debug/net10.0</c>).
    /// </param>
    public ScenarioFilesAttribute(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>The scenario file or folder, as given.</summary>
    public string Path { get; }

    /// <summary>Whether timeline steps with <c>expect:</c> are test cases of their own (default <see langword="true"/>).</summary>
    public bool IncludeTimelineSteps { get; set; } = true;

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var resolved = Resolve(Path);
        var cases = ScenarioTestRunner.DiscoverTestCases([resolved])
            .Where(c => IncludeTimelineSteps || c.Step is null)
            .ToList();
        if (cases.Count == 0)
        {
            throw new ArgumentException($"no scenario files found in '{resolved}' (searched for *.yaml and *.yml files with a 'scenario:' key)");
        }

        return cases.Select(c => new object[] { new ScenarioFileCase(c) });
    }

    /// <summary>The full path of <paramref name="path"/>: as given when it exists, else the first match above the test assembly.</summary>
    /// <param name="path">A file or folder, absolute or relative.</param>
    /// <exception cref="DirectoryNotFoundException">Nothing of that name exists in any of the places searched.</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (System.IO.Path.IsPathRooted(path) || Exists(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, path);
            if (Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"'{path}' was found neither in the current directory nor above the test assembly ({AppContext.BaseDirectory})");
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);
}
