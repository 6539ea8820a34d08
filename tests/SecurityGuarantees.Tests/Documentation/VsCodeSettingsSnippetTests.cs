using System.Text.Json;
using SecurityGuarantees.Cli;

namespace SecurityGuarantees.Tests.Documentation;

/// <summary>The documented <c>.vscode/settings.json</c> maps the files that <c>schema --out schemas</c> writes.</summary>
public sealed class VsCodeSettingsSnippetTests
{
    [Fact]
    public void YamlSchemasSnippet_IsValidJson_AndNamesTheFilesTheSchemaCommandWrites()
    {
        var snippet = Assert.Single(MarkdownSnippets.Read("docs/lint-schema-graph.md"), s => s.Language == "json" && s.Code.Contains("yaml.schemas", StringComparison.Ordinal));
        using var settings = JsonDocument.Parse(snippet.Code);
        var mapped = settings.RootElement.GetProperty("yaml.schemas").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(g => g.GetString()!).ToList());

        var project = Path.Combine(Path.GetTempPath(), $"sg-vscode-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(project);
            var stdout = new StringWriter();
            Assert.Equal(0, CliApplication.Run(["schema", "--out", Path.Combine(project, "schemas")], stdout, new StringWriter()));

            Assert.Equal(["./schemas/rules.schema.json", "./schemas/scenario.schema.json"], mapped.Keys.Order(StringComparer.Ordinal));
            Assert.All(mapped.Keys, schema => Assert.True(File.Exists(Path.Combine(project, schema)), $"{schema} is not written by 'schema --out schemas'"));
            Assert.Contains("rules/**/*.yaml", mapped["./schemas/rules.schema.json"]);
            Assert.Contains("scenarios/**/*.yaml", mapped["./schemas/scenario.schema.json"]);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
