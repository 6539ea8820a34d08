using SecurityGuarantees.Authoring;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>Which rules a workspace folder's files are checked against: rules/ by default, or securityguarantees.json.</summary>
public sealed class AuthoringWorkspaceFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sg-authoring-{Guid.NewGuid():N}");

    public AuthoringWorkspaceFolderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IReadOnlyList<string> ConditionCompletions(AuthoringWorkspace workspace)
    {
        var path = Path.Combine(_folder, "reader.yaml");
        var (text, at) = Edit(RuleText, "id == \"answer-pending\"", "id == \"");
        text = text.Replace("condition: answer-pending", "condition: answer-pending-here", StringComparison.Ordinal);
        return Labels(workspace.WithDocument(path, text).GetCompletions(path, at));
    }

    [Fact]
    public void ForFolder_RulesFolder_BuiltInAndWorkspaceRules()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "rules", "nested"));
        File.Copy(RulesPath, Path.Combine(_folder, "rules", "nested", "answers.yaml"));

        var workspace = AuthoringWorkspace.ForFolder(_folder);

        Assert.Empty(workspace.ConfigurationProblems);
        Assert.Equal([Path.Combine(_folder, "rules", "nested", "answers.yaml")], workspace.RuleFiles);
        var ids = ConditionCompletions(workspace);
        Assert.Contains("answer-pending", ids);
        Assert.Contains("ceasefire-in-force", ids);
    }

    [Fact]
    public void ForFolder_ConfigurationFile_ItsRulesWithoutBuiltIn()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "policies"));
        File.Copy(RulesPath, Path.Combine(_folder, "policies", "answers.yml"));
        File.WriteAllText(Path.Combine(_folder, "securityguarantees.json"), "{ \"rules\": [\"policies/\"], \"builtInRules\": false, // comment\n }");

        var ids = ConditionCompletions(AuthoringWorkspace.ForFolder(_folder));

        Assert.Contains("answer-pending", ids);
        Assert.DoesNotContain("ceasefire-in-force", ids);
    }

    [Fact]
    public void ForFolder_MalformedConfiguration_ProblemAndBuiltInRules()
    {
        File.WriteAllText(Path.Combine(_folder, "securityguarantees.json"), "{ \"rules\": \"rules/\" }");

        var workspace = AuthoringWorkspace.ForFolder(_folder);

        var problem = Assert.Single(workspace.ConfigurationProblems);
        Assert.Equal("securityguarantees.json: 'rules' must be a list of paths", problem.Message);
        Assert.Contains("ceasefire-in-force", ConditionCompletions(workspace));
    }

    [Fact]
    public void GetCompletions_TimelineStepAndExpect()
    {
        var text = ScenarioText + "timeline:\n  - on: 2025-03-13\n    up\n";
        var workspace = AuthoringWorkspace.Create().WithDocument(ScenarioPath, text);
        var lines = text.Split('\n');

        var stepKeys = Labels(workspace.GetCompletions(ScenarioPath, new TextPosition(lines.Length - 1, 7)));
        Assert.Contains("update", stepKeys);
        Assert.DoesNotContain("on", stepKeys);

        var expect = ScenarioText + "expect:\n  conditions:\n    - cease\n";
        var expectLines = expect.Split('\n');
        var ids = Labels(AuthoringWorkspace.Create().WithDocument(ScenarioPath, expect).GetCompletions(ScenarioPath, new TextPosition(expectLines.Length - 1, 12)));
        Assert.Contains("ceasefire-in-force", ids);
    }
}
