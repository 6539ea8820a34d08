using SecurityGuarantees.Authoring;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>The lint notes of an open rule file, against the engine's own lint, and a workspace read again from disk.</summary>
public sealed class AuthoringLintTests : IDisposable
{
    private static readonly string LintNotesPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "authoring", "lint-notes.yaml");

    private readonly string _folder = Directory.CreateTempSubdirectory("sg-authoring-lint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GetLintDiagnostics_Fixture_WhatTheEngineLintFindsInTheFile()
    {
        var text = File.ReadAllText(LintNotesPath);
        var engine = new ScenarioEngineBuilder().AddBuiltInRules().AddRuleText(LintNotesPath, text).Build();

        var notes = AuthoringWorkspace.Create().WithDocument(LintNotesPath, text).GetLintDiagnostics(LintNotesPath);

        Assert.Equal(engine.Lint().Where(d => d.Location.File == LintNotesPath), notes.Select(n => n.Diagnostic));
        Assert.Equal(["SG0703", "SG0702", "SG0701"], notes.Select(n => n.Diagnostic.Code));
        Assert.Equal(new TextPosition(12, 19), notes[0].Range.End); // the end of 'unused'
    }

    [Fact]
    public void GetLintDiagnostics_LoadErrorOrScenario_NoneOrNotes()
    {
        var text = File.ReadAllText(LintNotesPath);
        var broken = text.Replace("kind == \"ceasefire\"", "knd == \"ceasefire\"", StringComparison.Ordinal);

        Assert.Empty(AuthoringWorkspace.Create().WithDocument(LintNotesPath, broken).GetLintDiagnostics(LintNotesPath));
        Assert.Empty(AuthoringWorkspace.Create().WithDocument(ScenarioPath, ScenarioText).GetLintDiagnostics(ScenarioPath));
        Assert.Empty(AuthoringWorkspace.Create().GetLintDiagnostics(LintNotesPath)); // not open
    }

    [Fact]
    public void GetLintDiagnostics_ConfiguredScenarioExpectsTheCondition_NoUnreadNote()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "checks"));
        var rule = Path.Combine(_folder, "rules.yaml");
        File.WriteAllText(Path.Combine(_folder, "checks", "expects.yaml"), """
            version: 1
            scenario: expects-the-tabled-proposal
            asOf: 2025-03-11
            facts:
              Proposal:
                - { id: jeddah, kind: ceasefire, title: Jeddah, proposedBy: [US], addressees: [UA] }
            expect:
              conditions:
                - proposal-tabled
            """);
        File.WriteAllText(Path.Combine(_folder, "securityguarantees.json"), "{ \"rules\": [\"rules.yaml\"], \"scenarios\": [\"checks/\"] }");
        var text = File.ReadAllText(LintNotesPath);
        File.WriteAllText(rule, text);

        var workspace = AuthoringWorkspace.ForFolder(_folder).WithDocument(rule, text);
        var engine = new ScenarioEngineBuilder().AddBuiltInRules().AddRules(rule).Build();

        Assert.Empty(workspace.ConfigurationProblems);
        Assert.Equal(["SG0703", "SG0701"], workspace.GetLintDiagnostics(rule).Select(n => n.Diagnostic.Code));
        Assert.Equal(engine.Lint([Path.Combine(_folder, "checks/")]).Where(d => d.Location.File == rule), workspace.GetLintDiagnostics(rule).Select(n => n.Diagnostic));
    }

    [Fact]
    public void Reload_RuleFileChangedOnDisk_ReadAgainOpenTextKept()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        var onDisk = Path.Combine(rules, "a.yaml");
        var open = Path.Combine(rules, "b.yaml");
        File.WriteAllText(onDisk, RuleText.Replace("id: answer-pending\n", "id: first-id\n", StringComparison.Ordinal)
            .Replace("id: chase-pending-answer", "id: second-id", StringComparison.Ordinal));
        File.WriteAllText(open, "version: 1\nrules: []\n");
        var workspace = AuthoringWorkspace.ForFolder(_folder).WithDocument(open, RuleText);
        Assert.Empty(workspace.GetDiagnostics(open));

        File.WriteAllText(onDisk, RuleText);
        var reloaded = workspace.Reload();

        Assert.Equal(["SG0301", "SG0301"], reloaded.GetDiagnostics(open).Select(d => d.Diagnostic.Code));
        Assert.Equal(RuleText, reloaded.GetText(open));
        Assert.Empty(workspace.GetDiagnostics(open)); // snapshots are immutable

        File.Delete(onDisk);
        Assert.Empty(reloaded.Reload().GetDiagnostics(open));
        Assert.Equal([open], reloaded.Reload().RuleFiles);
    }

    [Fact]
    public void Reload_WithoutFolder_Itself()
    {
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, RuleText);

        Assert.Same(workspace, workspace.Reload());
    }
}
