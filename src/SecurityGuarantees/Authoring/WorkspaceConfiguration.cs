using System.Text.Json;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Which rules a workspace folder's files are checked against: <c>securityguarantees.json</c> at its root, or by default
/// the built-in rules plus every rule file under <c>rules/</c>. The file holds
/// <c>{ "rules": ["rules/", "more/extra.yaml"], "builtInRules": true }</c>: paths relative to the folder (files, or
/// folders searched recursively for <c>*.yaml</c>/<c>*.yml</c>), and whether the built-in rule set is included (default true).
/// </summary>
internal sealed record WorkspaceConfiguration(bool BuiltInRules, IReadOnlyList<string> RulePaths, IReadOnlyList<Diagnostic> Problems)
{
    public const string FileName = "securityguarantees.json";

    public static WorkspaceConfiguration Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new WorkspaceConfiguration(true, [Path.Combine(folder, "rules")], []);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid(path, "the file must hold a JSON object");
            }

            var builtIn = true;
            if (root.TryGetProperty("builtInRules", out var builtInValue))
            {
                if (builtInValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Invalid(path, "'builtInRules' must be true or false");
                }

                builtIn = builtInValue.GetBoolean();
            }

            var paths = new List<string>();
            if (root.TryGetProperty("rules", out var rules))
            {
                if (rules.ValueKind != JsonValueKind.Array || rules.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
                {
                    return Invalid(path, "'rules' must be a list of paths");
                }

                paths.AddRange(rules.EnumerateArray().Select(r => Path.Combine(folder, r.GetString()!)));
            }
            else
            {
                paths.Add(Path.Combine(folder, "rules"));
            }

            return new WorkspaceConfiguration(builtIn, paths, []);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return Invalid(path, e is JsonException json ? $"not valid JSON: {json.Message}" : $"cannot read it: {e.Message}");
        }
    }

    private static WorkspaceConfiguration Invalid(string path, string problem) =>
        new(true, [], [new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, $"{FileName}: {problem}", new SourceLocation(path, 1, 1),
            "write { \"rules\": [\"rules/\"], \"builtInRules\": true } (both optional)")]);
}
