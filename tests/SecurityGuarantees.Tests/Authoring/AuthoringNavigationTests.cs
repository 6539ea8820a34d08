using SecurityGuarantees.Authoring;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>Hover, definition, references and symbols over the fixture files.</summary>
public sealed class AuthoringNavigationTests
{
    private static readonly AuthoringWorkspace Workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, RuleText).WithDocument(ScenarioPath, ScenarioText);

    private static TextPosition Inside(string text, string marker) => After(text, marker) is var p ? p with { Column = p.Column - 1 } : default;

    [Fact]
    public void GetHover_FieldInWhere_TypeAndDescription()
    {
        var hover = Workspace.GetHover(RulesPath, Inside(RuleText, "&& stance"));

        Assert.NotNull(hover);
        Assert.StartsWith("**field** `Position.stance`: enum Stance", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("The answer.", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHover_RuleId_TitleAndDescription()
    {
        var hover = Workspace.GetHover(RulesPath, Inside(RuleText, "id: answer-pe"));

        Assert.NotNull(hover);
        Assert.Equal("**rule** `answer-pending`\n\nAn answer is pending\n\nA proposal's addressee has not answered yet.", hover.Markdown);
    }

    [Fact]
    public void GetHover_Condition_DerivingAndReadingRules()
    {
        var hover = Workspace.GetHover(RulesPath, Inside(RuleText, "condition: answer-pe"));

        Assert.NotNull(hover);
        Assert.Equal("**condition** `answer-pending`\n\nderived by: `answer-pending`\n\nread by: `chase-pending-answer`", hover.Markdown);
    }

    [Fact]
    public void GetDefinitions_Binding_ItsPattern()
    {
        var definition = Assert.Single(Workspace.GetDefinitions(RulesPath, Inside(RuleText, "proposal == p.")));

        Assert.Equal(RulesPath, definition.File);
        Assert.Equal(After(RuleText, "        as: p\n").Line - 1, definition.Range.Start.Line);
    }

    [Fact]
    public void GetDefinitions_ConditionIdInWhere_DerivingRule()
    {
        var definition = Assert.Single(Workspace.GetDefinitions(RulesPath, Inside(RuleText, "id == \"answer-pe")));

        Assert.Equal(After(RuleText, "      - condition: "), definition.Range.Start);
    }

    [Fact]
    public void GetDefinitions_BuiltInCondition_BuiltInRules()
    {
        var text = RuleText.Replace("id == \"answer-pending\"", "id == \"ceasefire-in-force\"", StringComparison.Ordinal);
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, text);

        var definitions = workspace.GetDefinitions(RulesPath, Inside(text, "id == \"ceasefire-in"));

        Assert.Equal(2, definitions.Count);
        Assert.All(definitions, d => Assert.Equal("builtin:rules/ceasefire.yaml", d.File));
    }

    [Fact]
    public void GetReferences_Condition_ReadingRules()
    {
        var reference = Assert.Single(Workspace.GetReferences(RulesPath, Inside(RuleText, "condition: answer-pe")));

        Assert.Equal(After(RuleText, "      - fact: Condition").Line, reference.Range.Start.Line);
    }

    [Fact]
    public void GetReferences_Field_EveryRuleReadingIt()
    {
        var references = Workspace.GetReferences(RulesPath, Inside(RuleText, "where: kin"));

        Assert.Contains(references, r => r.File == RulesPath && r.Range.Start == Inside(RuleText, "where: k"));
        Assert.Contains(references, r => r.File == "builtin:rules/ceasefire.yaml");
    }

    [Fact]
    public void GetDefinitions_ScenarioKey_TheFact()
    {
        var definition = Assert.Single(Workspace.GetDefinitions(ScenarioPath, Inside(ScenarioText, "party: U")));

        Assert.Equal(After(ScenarioText, "    - { id: UA").Line, definition.Range.Start.Line);
    }

    [Fact]
    public void GetDocumentSymbols_RuleFile_RulesAndConclusions()
    {
        var symbols = Workspace.GetDocumentSymbols(RulesPath);

        Assert.Equal(["answer-pending", "chase-pending-answer"], symbols.Select(s => s.Name));
        Assert.Equal("An answer is pending", symbols[0].Detail);
        Assert.Equal(AuthoringSymbolKind.Condition, Assert.Single(symbols[0].Children).Kind);
        Assert.Equal("chase-answer", Assert.Single(symbols[1].Children).Name);
    }

    [Fact]
    public void GetDocumentSymbols_Scenario_FactsByType()
    {
        var symbols = Workspace.GetDocumentSymbols(ScenarioPath);

        Assert.Equal(["Party", "Proposal", "Position"], symbols.Select(s => s.Name));
        Assert.Equal(["UA", "RU"], symbols[0].Children.Select(c => c.Name));
        Assert.Equal("jeddah-ceasefire/UA", Assert.Single(symbols[2].Children).Name);
    }
}
