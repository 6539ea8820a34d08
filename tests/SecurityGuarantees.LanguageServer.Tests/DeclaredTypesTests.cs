using System.Text.Json.Nodes;

namespace SecurityGuarantees.LanguageServer.Tests;

/// <summary>
/// Declared fact types (issue 13 §1) over the real tool: a workspace whose rules/ folder declares a type (a copy of
/// examples/declared-types), a rule file using it, diagnostics as the CLI gives them, completion of its fields.
/// </summary>
public sealed class DeclaredTypesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-lsp-declared-").FullName;

    public DeclaredTypesTests()
    {
        var example = Path.Combine(RepositoryRoot(), "examples", "declared-types");
        Directory.CreateDirectory(Path.Combine(_folder, "rules"));
        foreach (var file in Directory.GetFiles(Path.Combine(example, "rules")))
        {
            File.Copy(file, Path.Combine(_folder, "rules", Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SecurityGuarantees.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root was not found");
    }

    [Fact]
    public async Task DidOpen_MisspelledDeclaredField_TheCliDiagnosticsThenCompletion()
    {
        var rules = Path.Combine(_folder, "rules");
        var file = Path.Combine(rules, "sanctions.yaml");
        var text = (await File.ReadAllTextAsync(file)).Replace("{s.imposedBy} decides", "{s.imposedby} decides", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text);
        await using var server = await LanguageServerProcess.StartAsync(_folder);
        var uri = new Uri(file).AbsoluteUri;
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });

        var published = await server.DiagnosticsAsync(uri, _ => true);

        Assert.Equal("SG0202", Assert.Single(published["diagnostics"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Equal(CliOutput.LintLines(file, _folder, "--rules", "builtin", "--rules", rules), CliOutput.Lines(file, published));

        var marker = "{s.imposedby";
        var index = text.IndexOf(marker, StringComparison.Ordinal) + "{s.".Length;
        var position = new JsonObject { ["line"] = text[..index].Count(c => c == '\n'), ["character"] = index - (text.LastIndexOf('\n', index - 1) + 1) };
        var completion = await server.RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = position,
        });
        var labels = completion!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
        Assert.Equal(["id", "title", "imposedBy", "status", "announcedOn", "adoptedOn", "sectors", "targets"], labels);
        Assert.Equal(0, await server.ShutdownAsync());
    }
}
