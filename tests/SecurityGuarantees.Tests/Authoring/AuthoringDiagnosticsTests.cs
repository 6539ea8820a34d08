using SecurityGuarantees.Authoring;
using SecurityGuarantees.Diagnostics;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>The authoring service reports exactly what the engine's load reports, with end positions.</summary>
public sealed class AuthoringDiagnosticsTests
{
    [Fact]
    public void GetDiagnostics_ValidRuleFile_Empty()
    {
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, RuleText);

        Assert.Empty(workspace.GetDiagnostics(RulesPath));
        Assert.Equal(AuthoringDocumentKind.Rules, workspace.GetDocumentKind(RulesPath));
    }

    [Fact]
    public void GetDiagnostics_MisspelledFieldInWhere_SameAsEngineWithEndPosition()
    {
        var (text, _) = Edit(RuleText, "stance == \"pending\"", "stanse == \"pending\"");
        var workspace = AuthoringWorkspace.Create(includeBuiltInRules: false).WithDocument(RulesPath, text);

        var diagnostics = workspace.GetDiagnostics(RulesPath);

        var expected = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText(RulesPath, text).Build()).Diagnostics;
        Assert.Equal(expected, diagnostics.Select(d => d.Diagnostic));
        var field = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownField, field.Diagnostic.Code);
        var at = After(text, "proposal == p.id && ");
        Assert.Equal(new TextRange(at, at with { Column = at.Column + "stanse".Length }), field.Range);
    }

    [Fact]
    public void GetDiagnostics_SeveralProblems_SameAsEngineInOrder()
    {
        var text = RuleText.Replace("kind == \"ceasefire\"", "kind == \"ceasfire\"", StringComparison.Ordinal)
            .Replace("fact: Party", "fact: Partie", StringComparison.Ordinal)
            .Replace("{pos.party}", "{pos.partie}", StringComparison.Ordinal)
            .Replace("title: Chase", "titel: Chase", StringComparison.Ordinal);
        var workspace = AuthoringWorkspace.Create(includeBuiltInRules: false).WithDocument(RulesPath, text);

        var expected = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText(RulesPath, text).Build()).Diagnostics;

        Assert.True(expected.Count >= 3, string.Join('\n', expected));
        Assert.Equal(expected, workspace.GetDiagnostics(RulesPath).Select(d => d.Diagnostic));
    }

    [Fact]
    public void GetDiagnostics_RuleIdOfBuiltInRule_DuplicateAsWithBuiltInRules()
    {
        var text = RuleText.Replace("id: answer-pending", "id: ceasefire-in-force", StringComparison.Ordinal);
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, text);

        var expected = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddBuiltInRules().AddRuleText(RulesPath, text).Build()).Diagnostics;

        Assert.Equal(expected, workspace.GetDiagnostics(RulesPath).Select(d => d.Diagnostic));
    }

    [Fact]
    public void GetDiagnostics_YamlSyntaxError_ReportedNotThrown()
    {
        var text = RuleText.Replace("    when:\n      - fact: Proposal", "    when:\n      - fact: [Proposal", StringComparison.Ordinal);
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, text);

        var expected = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText(RulesPath, text).Build()).Diagnostics;

        Assert.Equal(expected, workspace.GetDiagnostics(RulesPath).Select(d => d.Diagnostic));
    }

    [Fact]
    public void GetDiagnostics_ScenarioWithBadEnumAndUnknownField_SameAsEngine()
    {
        var text = ScenarioText.Replace("stance: accepted", "stance: acepted", StringComparison.Ordinal)
            .Replace("name: Russia", "nam: Russia", StringComparison.Ordinal);
        var workspace = AuthoringWorkspace.Create().WithDocument(ScenarioPath, text);

        var expected = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().Build().ParseScenario(ScenarioPath, text)).Diagnostics;

        Assert.Equal(AuthoringDocumentKind.Scenario, workspace.GetDocumentKind(ScenarioPath));
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, workspace.GetDiagnostics(ScenarioPath).Select(d => d.Diagnostic));
    }

    [Fact]
    public void GetDiagnostics_AfterEdit_DiagnosticGoes()
    {
        var (broken, _) = Edit(RuleText, "stance == \"pending\"", "stanse == \"pending\"");
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, broken);
        Assert.Single(workspace.GetDiagnostics(RulesPath));

        var fixedWorkspace = workspace.WithDocument(RulesPath, RuleText);

        Assert.Empty(fixedWorkspace.GetDiagnostics(RulesPath));
        Assert.Single(workspace.GetDiagnostics(RulesPath)); // snapshots are immutable
    }
}
