using System.Text.Json.Nodes;

namespace SecurityGuarantees.LanguageServer.Tests;

/// <summary>End to end: the real tool's <c>lsp</c> command, driven over stdio by a StreamJsonRpc client.</summary>
public sealed class LanguageServerTests
{
    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    private static JsonObject Position(string text, string marker, int back = 0)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length - back;
        var line = text[..index].Count(c => c == '\n');
        var character = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1);
        return new JsonObject { ["line"] = line, ["character"] = character };
    }

    private static JsonObject TextDocumentPosition(string uri, JsonObject position) =>
        new() { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = position };

    private static async Task<string> OpenAsync(LanguageServerProcess server, string path, string text)
    {
        var uri = Uri(path);
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });
        return uri;
    }

    private static IReadOnlyList<string> Labels(JsonNode? completion) =>
        [.. completion!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>())];

    [Fact]
    public async Task DidOpen_MisspelledFieldInWhere_Sg0202AtTheCliPosition()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path).Replace("stance == \"pending\"", "stanse == \"pending\"", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"sg-lsp-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, text);
        try
        {
            await using var server = await LanguageServerProcess.StartAsync();
            var uri = await OpenAsync(server, file, text);

            var published = await server.NextDiagnosticsAsync();

            Assert.Equal(uri, published["uri"]!.GetValue<string>());
            var diagnostic = Assert.Single(published["diagnostics"]!.AsArray())!;
            Assert.Equal("SG0202", diagnostic["code"]!.GetValue<string>());
            var cli = CliLine(file);
            var start = diagnostic["range"]!["start"]!;
            Assert.Equal($"{file}:{start["line"]!.GetValue<int>() + 1}:{start["character"]!.GetValue<int>() + 1}: error SG0202: {diagnostic["message"]!.GetValue<string>()}", cli);
            Assert.Equal(start["character"]!.GetValue<int>() + "stanse".Length, diagnostic["range"]!["end"]!["character"]!.GetValue<int>());
            Assert.Equal(0, await server.ShutdownAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Completion_AfterStanceEqualsQuote_SixStances()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path).Replace("stance == \"pending\"", "stance == \"\"", StringComparison.Ordinal);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, path, text);

        var completion = await server.RequestAsync("textDocument/completion", TextDocumentPosition(uri, Position(text, "stance == \"\"", back: 1)));

        Assert.Equal(["accepted", "conditional", "pending", "rejected", "ignored", "counter-proposed"], Labels(completion));
    }

    [Fact]
    public async Task Completion_InsideAKebabCaseValue_ReplacesTheWholeWordTyped()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path).Replace("stance == \"pending\"", "stance == \"counter-pro\"", StringComparison.Ordinal);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, path, text);
        var cursor = Position(text, "stance == \"counter-pro");

        var completion = await server.RequestAsync("textDocument/completion", TextDocumentPosition(uri, cursor));

        var item = completion!["items"]!.AsArray().Single(i => i!["label"]!.GetValue<string>() == "counter-proposed")!;
        var range = item["textEdit"]!["range"]!;
        Assert.Equal("counter-proposed", item["textEdit"]!["newText"]!.GetValue<string>());
        Assert.Equal(cursor["character"]!.GetValue<int>() - "counter-pro".Length, range["start"]!["character"]!.GetValue<int>());
        Assert.Equal(cursor["character"]!.GetValue<int>(), range["end"]!["character"]!.GetValue<int>());
        Assert.Equal(cursor["line"]!.GetValue<int>(), range["start"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task Completion_AfterBindingDot_ProposalFields()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path).Replace("proposal == p.id", "proposal == p.", StringComparison.Ordinal);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, path, text);

        var labels = Labels(await server.RequestAsync("textDocument/completion", TextDocumentPosition(uri, Position(text, "proposal == p."))));

        Assert.Equal(["id", "kind", "title", "scope", "durationDays", "start", "ends", "deadline", "mutual", "unilateral", "proposedBy", "addressees",
            "drafters", "renews", "consequenceIfRefused", "status"], labels);
    }

    [Fact]
    public async Task Definition_ConditionId_ItsRules()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path).Replace("id == \"answer-pending\"", "id == \"ceasefire-in-force\"", StringComparison.Ordinal);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, path, text);

        var definitions = (await server.RequestAsync("textDocument/definition", TextDocumentPosition(uri, Position(text, "id == \"ceasefire"))))!.AsArray();

        // The built-in rules that derive it, written out for the editor to open.
        Assert.Equal(2, definitions.Count);
        foreach (var definition in definitions)
        {
            var file = new Uri(definition!["uri"]!.GetValue<string>()).LocalPath;
            var line = File.ReadAllLines(file)[definition["range"]!["start"]!["line"]!.GetValue<int>()];
            Assert.EndsWith("condition: ceasefire-in-force", line, StringComparison.Ordinal);
        }

        var references = (await server.RequestAsync("textDocument/references", TextDocumentPosition(uri, Position(text, "id == \"ceasefire"))))!.AsArray();
        Assert.Contains(references, r => r!["uri"]!.GetValue<string>() == uri);
    }

    [Fact]
    public async Task DidChange_IncrementalEdit_DiagnosticGoes()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path).Replace("stance == \"pending\"", "stanse == \"pending\"", StringComparison.Ordinal);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, path, text);
        Assert.Single((await server.NextDiagnosticsAsync())["diagnostics"]!.AsArray());

        var start = Position(text, "stan");
        var end = Position(text, "stans");
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = new JsonObject { ["start"] = start, ["end"] = end }, ["text"] = "c" }),
        });

        Assert.Empty((await server.NextDiagnosticsAsync())["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task HoverAndSymbols_RuleFile()
    {
        var path = FixturePath("answers.yaml");
        var text = File.ReadAllText(path);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, path, text);

        var hover = await server.RequestAsync("textDocument/hover", TextDocumentPosition(uri, Position(text, "condition: answer-pe")));
        var symbols = (await server.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!.AsArray();

        Assert.Equal("**condition** `answer-pending`\n\nderived by: `answer-pending`\n\nread by: `chase-pending-answer`", hover!["contents"]!["value"]!.GetValue<string>());
        Assert.Equal(["answer-pending", "chase-pending-answer"], symbols.Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnknownMethod_ErrorAndServerGoesOn()
    {
        await using var server = await LanguageServerProcess.StartAsync();

        var error = await Assert.ThrowsAsync<StreamJsonRpc.RemoteMethodNotFoundException>(() => server.RequestAsync("textDocument/rename", new JsonObject()));

        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    /// <summary>The tool's own diagnostic line for a rule file (`lint --rules file`), as an author sees it on the command line.</summary>
    private static string CliLine(string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "security-guarantees.dll"));
        start.ArgumentList.Add("lint");
        start.ArgumentList.Add("--rules");
        start.ArgumentList.Add(file);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return error.Split('\n')[0];
    }
}
