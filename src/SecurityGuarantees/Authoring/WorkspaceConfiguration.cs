using System.Text.Json;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Which rules a workspace folder's files are checked against: <c>securityguarantees.json</c> at its root, or by default
/// the built-in rules plus every rule file under <c>rules/</c>. The file holds
/// <c>{ "rules": ["rules/", "more/extra.yaml"], "builtInRules": true, "scenarios": ["examples/scenarios/"] }</c>: paths
/// relative to the folder (files, or folders searched recursively for <c>*.yaml</c>/<c>*.yml</c>), whether the built-in
/// rule set is included (default true), and the scenario files or folders whose <c>expect:</c> blocks lint counts as
/// reading a condition (default: <c>examples/scenarios</c> and <c>examples/timelines</c> where they exist, as
/// <c>security-guarantees lint</c> run at the folder does).
/// </summary>
internal sealed record WorkspaceConfiguration(string Folder, bool BuiltInRules, IReadOnlyList<string> RulePaths, IReadOnlyList<string> ScenarioPaths,
    IReadOnlyList<Diagnostic> Problems)
{
    public const string FileName = "securityguarantees.json";

    /// <summary>The CLI's default for <c>lint --scenarios</c>, relative to where it runs.</summary>
    private static readonly string[] DefaultScenarioFolders = ["examples/scenarios", "examples/timelines"];

    public static WorkspaceConfiguration Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new WorkspaceConfiguration(folder, true, [Path.Combine(folder, "rules")], DefaultScenarios(folder), []);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid(folder, path, "the file must hold a JSON object");
            }

            var builtIn = true;
            if (root.TryGetProperty("builtInRules", out var builtInValue))
            {
                if (builtInValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Invalid(folder, path, "'builtInRules' must be true or false");
                }

                builtIn = builtInValue.GetBoolean();
            }

            var paths = new List<string>();
            if (root.TryGetProperty("rules", out var rules))
            {
                if (rules.ValueKind != JsonValueKind.Array || rules.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
                {
                    return Invalid(folder, path, "'rules' must be a list of paths");
                }

                paths.AddRange(rules.EnumerateArray().Select(r => Path.Combine(folder, r.GetString()!)));
            }
            else
            {
                paths.Add(Path.Combine(folder, "rules"));
            }

            var scenarios = DefaultScenarios(folder);
            if (root.TryGetProperty("scenarios", out var scenarioPaths))
            {
                if (scenarioPaths.ValueKind != JsonValueKind.Array || scenarioPaths.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
                {
                    return Invalid(folder, path, "'scenarios' must be a list of paths");
                }

                scenarios = [.. scenarioPaths.EnumerateArray().Select(r => Path.Combine(folder, r.GetString()!))];
            }

            return new WorkspaceConfiguration(folder, builtIn, paths, scenarios, []);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return Invalid(folder, path, e is JsonException json ? $"not valid JSON: {json.Message}" : $"cannot read it: {e.Message}");
        }
    }

    private static string[] DefaultScenarios(string folder) =>
        [.. DefaultScenarioFolders.Select(f => Path.Combine(folder, f)).Where(Directory.Exists)];

    private static WorkspaceConfiguration Invalid(string folder, string path, string problem) =>
        new(folder, true, [], [], [new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, $"{FileName}: {problem}", new SourceLocation(path, 1, 1),
            "write { \"rules\": [\"rules/\"], \"builtInRules\": true, \"scenarios\": [\"examples/scenarios/\"] } (all optional)")]);
}
