using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Linting;

/// <summary>
/// Reads scenario files for lint: every condition id their <c>expect:</c> blocks name (to hold or to be absent), in the
/// scenario and in each timeline step. Load problems of the files are reported like any load diagnostic.
/// </summary>
internal static class ExpectedConditionReader
{
    /// <summary>Reads every <c>.yaml</c>/<c>.yml</c> file of the given files and folders (recursively).</summary>
    public static HashSet<string> Read(ScenarioEngine engine, IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Expand(paths, diagnostics))
        {
            Scenario scenario;
            try
            {
                scenario = engine.LoadScenario(file);
            }
            catch (RuleLoadException e)
            {
                diagnostics.AddRange(e.Diagnostics);
                continue;
            }

            Collect(ExpectationParser.FromScenario(scenario, diagnostics), ids);
            var timeline = TimelineParser.Parse(scenario, engine.Rules.Types, engine.Limits.Load, diagnostics);
            foreach (var step in timeline?.Steps ?? [])
            {
                Collect(ExpectationParser.Parse(step.ExpectNode, diagnostics), ids);
            }
        }

        return ids;
    }

    private static void Collect(ExpectationSet? expectations, HashSet<string> ids)
    {
        if (expectations is null)
        {
            return;
        }

        ids.UnionWith(expectations.Conditions.Select(c => c.Id));
        ids.UnionWith(expectations.AbsentConditions.Select(c => c.Id));
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.FileNotFound, new SourceLocation(path, 0, 0), $"no scenario file or folder at '{path}'", "check the path");
            }
        }
    }
}
