using System.Text.Json.Nodes;

namespace SecurityGuarantees.LanguageServer.Tests;

/// <summary>
/// Lint notes (what <c>security-guarantees lint</c> finds in the whole rule set) published by the real tool beside the
/// keystroke diagnostics, compared line by line with the command line's own output.
/// </summary>
public sealed class LintNotesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-lsp-lint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static bool HasLintNote(JsonArray diagnostics) => diagnostics.Any(d => d!["code"]!.GetValue<string>().StartsWith("SG07", StringComparison.Ordinal));

    private static async Task<string> OpenAsync(LanguageServerProcess server, string path, string text)
    {
        var uri = new Uri(path).AbsoluteUri;
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });
        return uri;
    }

    /// <summary>The lint-notes fixture, saved in the folder and opened in a started server, once its first notes are published.</summary>
    private async Task<(LanguageServerProcess Server, string File, string Text, string Uri)> OpenFixtureWithNotesAsync()
    {
        var file = Path.Combine(_folder, "lint-notes.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lint-notes.yaml"));
        await File.WriteAllTextAsync(file, text);
        var server = await LanguageServerProcess.StartAsync();
        try
        {
            var uri = await OpenAsync(server, file, text);
            await server.DiagnosticsAsync(uri, HasLintNote);
            return (server, file, text, uri);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    [Fact]
    public async Task DidOpen_RuleFileWithLintFindings_NotesAsTheCliPrintsThem()
    {
        var file = Path.Combine(_folder, "lint-notes.yaml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lint-notes.yaml"), file);
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, file, await File.ReadAllTextAsync(file));

        var published = await server.DiagnosticsAsync(uri, HasLintNote);

        // Without a workspace folder: the built-in rules plus the open file, no scenarios (lint run where there are none).
        var cli = CliOutput.LintLines(file, _folder, "--rules", "builtin", "--rules", file);
        Assert.Equal(3, cli.Count);
        Assert.Equal(cli, CliOutput.Lines(file, published));
        Assert.Equal(["SG0703", "SG0702", "SG0701"], published["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()));
        Assert.Equal([2, 3, 2], published["diagnostics"]!.AsArray().Select(d => d!["severity"]!.GetValue<int>()));
        var unused = published["diagnostics"]![0]!["range"]!;
        Assert.Equal(unused["start"]!["character"]!.GetValue<int>() + "unused".Length, unused["end"]!["character"]!.GetValue<int>());
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task DidChange_TypingStops_NotesFollowTheTextMergedWithKeystrokeDiagnostics()
    {
        var (server, file, text, uri) = await OpenFixtureWithNotesAsync();
        await using var running = server;

        // Use the binding (its note goes) and misspell a field (a keystroke error: the rule set no longer loads, so lint
        // reports nothing, as the CLI does), in one edit.
        var edited = text.Replace("subject: \"{p.id}\"", "subject: \"{p.id} {unused.nme}\"", StringComparison.Ordinal);
        await ReplaceAllAsync(server, uri, text, edited, version: 2);
        var broken = await server.DiagnosticsAsync(uri, d => d.Count > 0 && !HasLintNote(d));
        Assert.Equal("SG0202", Assert.Single(broken["diagnostics"]!.AsArray())!["code"]!.GetValue<string>());

        // Fixed: the keystroke publication has no notes yet; once typing stops, the notes of the new text follow.
        var fixedText = edited.Replace("unused.nme", "unused.name", StringComparison.Ordinal);
        await ReplaceAllAsync(server, uri, edited, fixedText, version: 3);
        Assert.Empty((await server.DiagnosticsAsync(uri, _ => true))["diagnostics"]!.AsArray());
        var published = await server.DiagnosticsAsync(uri, HasLintNote);

        await File.WriteAllTextAsync(file, fixedText);
        Assert.Equal(CliOutput.LintLines(file, _folder, "--rules", "builtin", "--rules", file), CliOutput.Lines(file, published));
        Assert.DoesNotContain(published["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "SG0703");
    }

    [Fact]
    public async Task DidSave_NotesOfTheSavedText()
    {
        var (server, file, text, uri) = await OpenFixtureWithNotesAsync();
        await using var running = server;

        // The binding is used now: until lint runs again, the notes of the earlier text stay (SG0703 among them).
        var edited = text.Replace("subject: \"{p.id}\"", "subject: \"{p.id} {unused.name}\"", StringComparison.Ordinal);
        await ReplaceAllAsync(server, uri, text, edited, version: 2);
        Assert.Contains((await server.DiagnosticsAsync(uri, _ => true))["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "SG0703");
        await File.WriteAllTextAsync(file, edited);
        await server.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });

        var published = await server.DiagnosticsAsync(uri, d => HasLintNote(d) && !d.Any(n => n!["code"]!.GetValue<string>() == "SG0703"));
        Assert.Equal(CliOutput.LintLines(file, _folder, "--rules", "builtin", "--rules", file), CliOutput.Lines(file, published));
        Assert.Equal(["SG0702", "SG0701"], published["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DidChange_LineInsertedAbove_NotesMoveWithTheirLinesAtOnce()
    {
        var file = Path.Combine(_folder, "lint-notes.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lint-notes.yaml"));
        await using var server = await LanguageServerProcess.StartAsync();
        var uri = await OpenAsync(server, file, text);
        await server.DiagnosticsAsync(uri, HasLintNote);

        var edited = "# a comment line above everything\n" + text;
        await ReplaceAllAsync(server, uri, text, edited, version: 2);

        // The keystroke's own publication, before lint runs again: the notes moved down a line, as the CLI puts them.
        var published = await server.DiagnosticsAsync(uri, _ => true);
        await File.WriteAllTextAsync(file, edited);
        Assert.Equal(CliOutput.LintLines(file, _folder, "--rules", "builtin", "--rules", file), CliOutput.Lines(file, published));
        Assert.Equal(13, published["diagnostics"]![0]!["range"]!["start"]!["line"]!.GetValue<int>() + 1);
    }

    /// <summary>Replaces the whole text with one incremental change from the start to the end of the old text.</summary>
    internal static Task ReplaceAllAsync(LanguageServerProcess server, string uri, string before, string after, int version)
    {
        var lines = before.Split('\n');
        var end = new JsonObject { ["line"] = lines.Length - 1, ["character"] = lines[^1].Length };
        return server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = end },
                ["text"] = after,
            }),
        });
    }
}
