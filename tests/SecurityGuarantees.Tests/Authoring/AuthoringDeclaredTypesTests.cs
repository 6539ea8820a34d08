using SecurityGuarantees.Authoring;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>
/// Declared fact types and enums (issue 13 §1) in the authoring service, over examples/declared-types: the types one
/// rule file declares are known in the others and in scenarios, with the engine's diagnostics.
/// </summary>
public sealed class AuthoringDeclaredTypesTests
{
    private static readonly string Folder = TestPaths.Repo("examples/declared-types");
    private static readonly string Rules = Path.Combine(Folder, "rules", "sanctions.yaml");
    private static readonly string Declarations = Path.Combine(Folder, "rules", "sanctions-types.yaml");
    private static readonly string Scenario = Path.Combine(Folder, "2025-sanctions.yaml");

    private static AuthoringWorkspace Open(string path, string text) => AuthoringWorkspace.ForFolder(Folder).WithDocument(path, text);

    /// <summary>What the engine reports for the example's rules with <paramref name="path"/> holding <paramref name="text"/>.</summary>
    private static IReadOnlyList<Diagnostics.Diagnostic> EngineDiagnostics(string path, string text)
    {
        var builder = new ScenarioEngineBuilder().AddBuiltInRules();
        foreach (var file in new[] { Declarations, Rules })
        {
            builder.AddRuleText(file, file == path ? text : File.ReadAllText(file));
        }

        try
        {
            return builder.Build().Warnings;
        }
        catch (Diagnostics.RuleLoadException e)
        {
            return e.Diagnostics;
        }
    }

    [Fact]
    public void GetDiagnostics_RulesOverDeclaredType_NoneAsTheEngine()
    {
        var text = File.ReadAllText(Rules);

        Assert.Empty(Open(Rules, text).GetDiagnostics(Rules));
        Assert.Empty(EngineDiagnostics(Rules, text));
        Assert.Empty(Open(Scenario, File.ReadAllText(Scenario)).GetDiagnostics(Scenario));
    }

    [Fact]
    public void GetDiagnostics_MisspelledDeclaredFieldAndEnumValue_TheEngines()
    {
        var text = File.ReadAllText(Rules).Replace("{s.imposedBy} decides", "{s.imposedby} decides", StringComparison.Ordinal)
            .Replace("where: status == \"proposed\"", "where: status == \"propsed\"", StringComparison.Ordinal);

        var diagnostics = Open(Rules, text).GetDiagnostics(Rules);

        Assert.Equal(EngineDiagnostics(Rules, text).Where(d => d.Location.File == Rules), diagnostics.Select(d => d.Diagnostic));
        Assert.Equal(["SG0205", "SG0202"], diagnostics.Select(d => d.Diagnostic.Code));
    }

    [Fact]
    public void GetDiagnostics_DeclarationError_TheEnginesInTheDeclaringFile()
    {
        var text = File.ReadAllText(Declarations).Replace("status: PackageStatus", "status: PackageStatu", StringComparison.Ordinal);
        var workspace = Open(Declarations, text);

        var diagnostics = workspace.GetDiagnostics(Declarations);

        Assert.Equal(AuthoringDocumentKind.Rules, workspace.GetDocumentKind(Declarations)); // declarations only: still a rule file
        Assert.Equal(EngineDiagnostics(Declarations, text).Where(d => d.Location.File == Declarations), diagnostics.Select(d => d.Diagnostic));
        Assert.Equal("SG0120", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Fact]
    public void GetCompletions_DeclaredTypeFieldsAndEnumValues()
    {
        var text = File.ReadAllText(Rules);
        var type = Edit(text, "      - fact: SanctionPackage\n        as: s\n        where: status == \"proposed\"", "      - fact: Sanc");
        var fields = Edit(text, "subject: \"{s.id}\"\n        text: \"{s.imposedBy}", "subject: \"{s.‸}\"\n        text: \"{s.imposedBy}");
        var values = Edit(text, "where: status == \"proposed\"", "where: status == \"");

        Assert.Contains("SanctionPackage", Labels(Open(Rules, type.Text).GetCompletions(Rules, type.Position)));
        Assert.Contains("announcedOn", Labels(Open(Rules, fields.Text).GetCompletions(Rules, fields.Position)));
        var enumValues = Open(Rules, values.Text).GetCompletions(Rules, values.Position);
        Assert.Equal(["proposed", "adopted", "lifted"], Labels(enumValues));
        Assert.Equal("enum PackageStatus", enumValues[0].Detail);
    }

    [Fact]
    public void GetCompletions_DeclarationEdited_TheOtherFilesSeeIt()
    {
        var declarations = File.ReadAllText(Declarations).Replace("      targets: list<string>\n", "      targets: list<string>\n      severity: integer\n", StringComparison.Ordinal);
        var (text, at) = Edit(File.ReadAllText(Rules), "subject: \"{s.id}\"\n        text: \"{s.imposedBy}", "subject: \"{s.‸}\"\n        text: \"{s.imposedBy}");

        var workspace = Open(Rules, text).WithDocument(Declarations, declarations);

        Assert.Contains("severity", Labels(workspace.GetCompletions(Rules, at)));
        Assert.DoesNotContain("severity", Labels(Open(Rules, text).GetCompletions(Rules, at)));
    }

    [Fact]
    public void GetCompletions_Declarations_KeysFieldTypesKeyFieldsDefaults()
    {
        var text = File.ReadAllText(Declarations);
        var keys = Edit(text, "    key: [id]\n", "    ‸\n");
        var fieldType = Edit(text, "status: PackageStatus", "status: ");
        var key = Edit(text, "key: [id]", "key: [");
        var defaults = Edit(text, "defaults: { status: proposed }", "defaults: { status: ");
        var root = Edit(text, "enums:\n", "en‸\n");

        Assert.Equal(["key"], Labels(Open(Declarations, keys.Text).GetCompletions(Declarations, keys.Position)));
        var types = Labels(Open(Declarations, fieldType.Text).GetCompletions(Declarations, fieldType.Position));
        Assert.Contains("integer", types);
        Assert.Contains("PackageStatus", types);
        Assert.Contains("stance", types); // a built-in enum by its YAML name
        Assert.Contains("list<date>", types);

        // "key: [" does not parse: the type is not declared in this text; it was in the text before the edit.
        var before = Open(Declarations, text);
        Assert.Empty(before.GetDiagnostics(Declarations));
        var keyFields = Labels(before.WithDocument(Declarations, key.Text).GetCompletions(Declarations, key.Position));
        Assert.Contains("announcedOn", keyFields);
        Assert.DoesNotContain("sectors", keyFields); // a list cannot be a key
        Assert.Equal(["proposed", "adopted", "lifted"], Labels(before.WithDocument(Declarations, defaults.Text).GetCompletions(Declarations, defaults.Position)));
        Assert.Contains("enums", Labels(Open(Declarations, root.Text).GetCompletions(Declarations, root.Position)));
    }

    [Fact]
    public void GetHoverAndDefinition_DeclaredType_DescriptionAndDeclaration()
    {
        var text = File.ReadAllText(Rules);
        var at = After(text, "- fact: Sanction");
        var workspace = Open(Rules, text);

        var hover = workspace.GetHover(Rules, at);
        var definition = Assert.Single(workspace.GetDefinitions(Rules, at));

        Assert.StartsWith("**fact type** `SanctionPackage` (declared)\n\nA package of sanctions against Russia", hover?.Markdown, StringComparison.Ordinal);
        Assert.Contains("- `status`: enum PackageStatus", hover?.Markdown, StringComparison.Ordinal);
        Assert.Equal(Declarations, definition.File);
        Assert.Equal(After(File.ReadAllText(Declarations), "types:\n  "), definition.Range.Start);
    }

    [Fact]
    public void GetCompletions_ScenarioFactOfDeclaredType_FieldsAndEnumValues()
    {
        var text = File.ReadAllText(Scenario);
        var status = Edit(text, "imposedBy: US, status: adopted", "imposedBy: US, status: ");
        var facts = Edit(text, "  Demand:\n", "  Sanc‸\n");

        Assert.Equal(["proposed", "adopted", "lifted"], Labels(Open(Scenario, status.Text).GetCompletions(Scenario, status.Position)));
        Assert.Contains("SanctionPackage", Labels(Open(Scenario, facts.Text).GetCompletions(Scenario, facts.Position)));
    }

    [Fact]
    public void GetCompletions_KeyOfAFactInsertedByTheTimeline()
    {
        var text = File.ReadAllText(Scenario) + "  - on: 2025-11-01\n    insert:\n      Proposal:\n"
            + "        - { id: ru-counter-offer, kind: ceasefire, title: a counter-offer, proposedBy: [RU], addressees: [EU] }\n"
            + "      Position:\n        - { party: EU, stance: pending, proposal: ";
        var end = new TextPosition(text.Count(c => c == '\n') + 1, text.Length - text.LastIndexOf('\n'));

        var items = Open(Scenario, text).GetCompletions(Scenario, end);

        Assert.Equal(["ru-counter-offer"], Labels(items));
        Assert.All(items, i => Assert.Equal(AuthoringCompletionKind.FactKey, i.Kind));
    }

    [Fact]
    public void GetDocumentSymbols_Declarations_EnumsAndTypesWithFields()
    {
        var symbols = Open(Declarations, File.ReadAllText(Declarations)).GetDocumentSymbols(Declarations);

        Assert.Equal([("PackageStatus", AuthoringSymbolKind.Enum), ("SanctionPackage", AuthoringSymbolKind.FactType)], symbols.Select(s => (s.Name, s.Kind)));
        Assert.Equal("proposed, adopted, lifted", symbols[0].Detail);
        Assert.Equal(["id", "title", "imposedBy", "status", "announcedOn", "adoptedOn", "sectors", "targets"], symbols[1].Children.Select(c => c.Name));
        Assert.Equal("list<string>", symbols[1].Children[^1].Detail);
        Assert.All(symbols[1].Children, c => Assert.Equal(AuthoringSymbolKind.Field, c.Kind));
    }

    [Fact]
    public void GetHover_EnumAsAFieldType_ItsValues()
    {
        var text = File.ReadAllText(Declarations).Replace("      targets: list<string>\n", "      targets: list<string>\n      answer: list<stance>\n", StringComparison.Ordinal);
        var workspace = Open(Declarations, text);

        var declared = workspace.GetHover(Declarations, After(text, "status: Package"));
        var builtIn = workspace.GetHover(Declarations, After(text, "answer: list<sta"));

        Assert.Equal("**enum** `PackageStatus` (declared)\n\n`proposed`, `adopted`, `lifted`", declared?.Markdown);
        Assert.StartsWith("**enum** `stance` (Stance)\n\n`accepted`, ", builtIn?.Markdown, StringComparison.Ordinal);
    }
}
