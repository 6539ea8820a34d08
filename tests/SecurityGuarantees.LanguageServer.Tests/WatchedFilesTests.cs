using System.Text.Json.Nodes;

namespace SecurityGuarantees.LanguageServer.Tests;

/// <summary>
/// A workspace rule file that is not open changes on disk: the real tool reads the workspace's rule files again and
/// diagnoses the open documents against them.
/// </summary>
public sealed class WatchedFilesTests : IDisposable
{
    private const string Open = """
        version: 1
        ruleset: open
        rules:
          - id: shared-id
            title: A rule of the open file
            when:
              - fact: Proposal
                as: p
            then:
              - condition: open-rule-holds
                subject: "{p.id}"
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("sg-lsp-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Other(string id) => $"""
        version: 1
        ruleset: other
        rules:
          - id: {id}
            title: A rule of a file on disk
            when:
              - fact: Condition
                as: c
                where: id == "open-rule-holds"
            then:
              - nextStep: follow-up
                subject: "{"{c.subject}"}"
        """;

    [Fact]
    public async Task DidChangeWatchedFiles_RuleFileChangedOnDisk_OpenDocumentDiagnosedAgain()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        var onDisk = Path.Combine(rules, "a-other.yaml");
        var open = Path.Combine(rules, "b-open.yaml");
        await File.WriteAllTextAsync(onDisk, Other("other-id"));
        await File.WriteAllTextAsync(open, Open);
        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        };
        await using var server = await LanguageServerProcess.StartAsync(_folder, capabilities);
        var uri = new Uri(open).AbsoluteUri;
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = Open },
        });
        Assert.Empty((await server.DiagnosticsAsync(uri, _ => true))["diagnostics"]!.AsArray());

        // The other file now uses the open file's rule id; the editor reports the change (it is not open).
        await File.WriteAllTextAsync(onDisk, Other("shared-id"));
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(onDisk).AbsoluteUri, ["type"] = 2 }),
        });

        var published = await server.DiagnosticsAsync(uri, d => d.Count > 0);
        var duplicate = Assert.Single(published["diagnostics"]!.AsArray())!;
        Assert.Equal("SG0301", duplicate["code"]!.GetValue<string>());
        Assert.Equal(CliOutput.LintLines(open, _folder, "--rules", "builtin", "--rules", rules), CliOutput.Lines(open, published));

        // The file is deleted: the duplicate goes.
        File.Delete(onDisk);
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(onDisk).AbsoluteUri, ["type"] = 3 }),
        });
        Assert.DoesNotContain((await server.DiagnosticsAsync(uri, _ => true))["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<int>() == 1);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task Initialized_ClientRegistersDynamically_WatcherForRuleFilesRegistered()
    {
        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        };
        await using var server = await LanguageServerProcess.StartAsync(_folder, capabilities);

        // The registration request comes right after 'initialized'; a request answered after it is proof it was handled.
        await server.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "untitled:x" } });
        for (var i = 0; i < 100 && server.Registrations.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        var registration = Assert.Single(server.Registrations);
        Assert.Equal("workspace/didChangeWatchedFiles", registration["method"]!.GetValue<string>());
        Assert.Equal(["**/*.{yaml,yml}", "**/securityguarantees.json"],
            registration["registerOptions"]!["watchers"]!.AsArray().Select(w => w!["globPattern"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Initialized_ClientCannotRegister_NoRegistration()
    {
        await using var server = await LanguageServerProcess.StartAsync(_folder);

        await server.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "untitled:x" } });

        Assert.Empty(server.Registrations);
        Assert.Equal(0, await server.ShutdownAsync());
    }
}
