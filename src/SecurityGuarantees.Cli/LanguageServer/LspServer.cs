using System.Reflection;
using System.Text.Json.Nodes;
using SecurityGuarantees.Authoring;

namespace SecurityGuarantees.Cli.LanguageServer;

/// <summary>
/// <c>security-guarantees lsp</c>: a Language Server Protocol 3.17 server over stdio, answering from the library's
/// <see cref="AuthoringWorkspace"/>. Requests are handled one at a time, in order, so every answer sees every earlier
/// edit. Supported: initialize, didOpen/didChange (incremental)/didSave/didClose, publishDiagnostics, completion, hover,
/// definition, references, documentSymbol, workspace/didChangeWatchedFiles (registered dynamically where the client
/// can), shutdown and exit. Lint notes (<see cref="AuthoringWorkspace.GetLintDiagnostics"/>) need the rule set compiled:
/// they are computed off the request loop when a document is opened or saved, a watched file changes, or the author
/// stops typing, and published merged with the keystroke diagnostics.
/// </summary>
internal sealed partial class LspServer(JsonRpcChannel channel, TextWriter log)
{
    private const string WatchRegistration = "security-guarantees-rule-files";

    private const int MethodNotFound = -32601;
    private const int InvalidParams = -32602;
    private const int InternalError = -32603;
    private const int ServerNotInitialized = -32002;

    private readonly object _gate = new();
    private AuthoringWorkspace? _workspace;
    private bool _shutdown;
    private bool _watchDynamically;
    private string? _builtInFolder;

    /// <summary>Serves until <c>exit</c> or the end of the input; the exit code is 0 after a <c>shutdown</c>, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonObject? message;
            try
            {
                message = await channel.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                log.Write($"error: lsp: {e.Message}; the connection cannot continue\n");
                return ExitCodes.Failed;
            }

            if (message is null)
            {
                lock (_gate)
                {
                    CancelLint();
                }

                return _shutdown ? ExitCodes.Ok : ExitCodes.Failed;
            }

            var method = message["method"]?.GetValue<string>();
            var id = message["id"]?.DeepClone();
            if (method == "exit")
            {
                lock (_gate)
                {
                    CancelLint();
                }

                return _shutdown ? ExitCodes.Ok : ExitCodes.Failed;
            }

            if (method is null)
            {
                // A response to a request of ours (client/registerCapability): only a refusal is worth a line.
                if (message["error"] is JsonObject refused)
                {
                    log.Write($"warning: lsp: the editor refused a request: {refused["message"]}\n");
                }

                continue;
            }

            try
            {
                JsonNode? result;
                lock (_gate)
                {
                    result = Handle(method, message["params"] as JsonObject ?? []);
                }

                if (id is not null)
                {
                    channel.Write(new JsonObject { ["id"] = id, ["result"] = result });
                }
            }
            catch (LspException e) when (id is not null)
            {
                channel.Write(new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message } });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never a stack trace: say what failed; the editor shows the request's error, stderr keeps the log.
                log.Write($"error: lsp: {method} failed: {e.Message}\n");
                if (id is not null)
                {
                    channel.Write(new JsonObject
                    {
                        ["id"] = id,
                        ["error"] = new JsonObject { ["code"] = e is LspException l ? l.Code : InternalError, ["message"] = $"{method} failed: {e.Message}" },
                    });
                }
            }
        }
    }

    private JsonNode? Handle(string method, JsonObject parameters)
    {
        if (method == "initialize")
        {
            return Initialize(parameters);
        }

        if (_workspace is null)
        {
            throw new LspException(ServerNotInitialized, $"'{method}' before 'initialize'");
        }

        switch (method)
        {
            case "initialized":
                RegisterWatcher();
                return null;
            case "$/cancelRequest" or "$/setTrace" or "workspace/didChangeConfiguration":
                return null;
            case "workspace/didChangeWatchedFiles":
                // A rule file (or securityguarantees.json) changed on disk: read the folder again, diagnose every open document.
                _workspace = _workspace.Reload();
                foreach (var path in _workspace.Documents)
                {
                    PublishDiagnostics(LspConvert.ToUri(path));
                }

                ScheduleLint(TimeSpan.Zero);
                return null;
            case "shutdown":
                _shutdown = true;
                CancelLint();
                return null;
            case "textDocument/didOpen":
            {
                var document = parameters["textDocument"]!;
                var uri = document["uri"]!.GetValue<string>();
                _workspace = _workspace.WithDocument(LspConvert.ToPath(uri), document["text"]!.GetValue<string>());
                PublishDiagnostics(uri);
                ScheduleLint(TimeSpan.Zero);
                return null;
            }

            case "textDocument/didSave":
                ScheduleLint(TimeSpan.Zero);
                return null;

            case "textDocument/didChange":
            {
                var uri = Uri(parameters);
                var path = LspConvert.ToPath(uri);
                var text = _workspace.GetText(path) ?? throw new LspException(InvalidParams, $"'{uri}' is not open");
                _workspace = _workspace.WithDocument(path, TextChanges.Apply(text, (JsonArray)parameters["contentChanges"]!));
                PublishDiagnostics(uri);
                ScheduleLint(LintAfterTyping);
                return null;
            }

            case "textDocument/didClose":
            {
                var uri = Uri(parameters);
                _workspace = _workspace.WithoutDocument(LspConvert.ToPath(uri));
                _lintNotes.Remove(LspConvert.ToPath(uri));
                ScheduleLint(LintAfterTyping);
                channel.Write(Notification("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() }));
                return null;
            }

            case "textDocument/completion":
            {
                var position = Position(parameters);
                var items = _workspace.GetCompletions(Path(parameters), position);
                var replaced = LspConvert.WordBefore(_workspace.GetText(Path(parameters)) ?? "", position);
                return new JsonObject
                {
                    ["isIncomplete"] = false,
                    ["items"] = new JsonArray([.. items.Select((item, i) => SortText(LspConvert.ToLsp(item, replaced), i))]),
                };
            }

            case "textDocument/hover":
                return _workspace.GetHover(Path(parameters), Position(parameters)) is { } hover
                    ? new JsonObject
                    {
                        ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = hover.Markdown },
                        ["range"] = LspConvert.ToLsp(hover.Range),
                    }
                    : null;
            case "textDocument/definition":
                return Locations(_workspace.GetDefinitions(Path(parameters), Position(parameters)));
            case "textDocument/references":
                return Locations(_workspace.GetReferences(Path(parameters), Position(parameters)));
            case "textDocument/documentSymbol":
                return new JsonArray([.. _workspace.GetDocumentSymbols(Path(parameters)).Select(s => (JsonNode)LspConvert.ToLsp(s))]);
            default:
                if (method.StartsWith("$/", StringComparison.Ordinal))
                {
                    return null; // optional notifications and requests may be ignored
                }

                throw new LspException(MethodNotFound, $"'{method}' is not supported by this server");
        }
    }

    private JsonObject Initialize(JsonObject parameters)
    {
        var root = parameters["workspaceFolders"] is JsonArray { Count: > 0 } folders ? folders[0]!["uri"]?.GetValue<string>()
            : parameters["rootUri"]?.GetValue<string>();
        var folder = root is null ? null : LspConvert.ToPath(root);
        _workspace = folder is not null && Directory.Exists(folder) ? AuthoringWorkspace.ForFolder(folder) : AuthoringWorkspace.Create();
        _watchDynamically = parameters["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        foreach (var problem in _workspace.ConfigurationProblems)
        {
            log.Write(problem + "\n");
            channel.Write(Notification("window/showMessage", new JsonObject { ["type"] = 1, ["message"] = problem.ToString() }));
        }

        var version = typeof(LspServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = new JsonObject { ["includeText"] = false } },
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(".", "\"", "{", " ", "[") },
                ["hoverProvider"] = true,
                ["definitionProvider"] = true,
                ["referencesProvider"] = true,
                ["documentSymbolProvider"] = true,
            },
            ["serverInfo"] = new JsonObject { ["name"] = "security-guarantees", ["version"] = version.Split('+')[0] },
        };
    }

    /// <summary>
    /// Publishes a document's diagnostics: those of its current text, and its lint notes (computed for this text, or
    /// for an earlier one and carried over the edit until they are computed again).
    /// </summary>
    private void PublishDiagnostics(string uri)
    {
        var path = LspConvert.ToPath(uri);
        IEnumerable<AuthoringDiagnostic> diagnostics = _workspace!.GetDiagnostics(path);
        if (CurrentLintNotes(path) is { Count: > 0 } notes)
        {
            // In the order `lint` prints them: by line, column, code and message.
            diagnostics = diagnostics.Concat(notes).OrderBy(d => d.Diagnostic.Location.Line).ThenBy(d => d.Diagnostic.Location.Column)
                .ThenBy(d => d.Diagnostic.Code, StringComparer.Ordinal).ThenBy(d => d.Diagnostic.Message, StringComparer.Ordinal);
        }

        channel.Write(Notification("textDocument/publishDiagnostics", new JsonObject
        {
            ["uri"] = uri,
            ["diagnostics"] = new JsonArray([.. diagnostics.Select(d => (JsonNode)LspConvert.ToLsp(d))]),
        }));
    }

    /// <summary>Asks the editor to report changes of the workspace's rule files (if it can register watchers itself).</summary>
    private void RegisterWatcher()
    {
        if (!_watchDynamically)
        {
            return;
        }

        var watchers = new JsonArray(new JsonObject { ["globPattern"] = "**/*.{yaml,yml}" }, new JsonObject { ["globPattern"] = "**/securityguarantees.json" });
        channel.Write(new JsonObject
        {
            ["id"] = WatchRegistration,
            ["method"] = "client/registerCapability",
            ["params"] = new JsonObject
            {
                ["registrations"] = new JsonArray(new JsonObject
                {
                    ["id"] = WatchRegistration,
                    ["method"] = "workspace/didChangeWatchedFiles",
                    ["registerOptions"] = new JsonObject { ["watchers"] = watchers },
                }),
            },
        });
    }


    private JsonArray Locations(IReadOnlyList<AuthoringLocation> locations) =>
        new([.. locations.Select(l => (JsonNode)new JsonObject { ["uri"] = UriOf(l.File), ["range"] = LspConvert.ToLsp(l.Range) })]);

    /// <summary>
    /// The URI of a location's file. Built-in rule files live inside the program, so they are written once to a folder
    /// under the temporary folder for the editor to open.
    /// </summary>
    private string UriOf(string file)
    {
        const string prefix = "builtin:";
        if (!file.StartsWith(prefix, StringComparison.Ordinal))
        {
            return LspConvert.ToUri(file);
        }

        _builtInFolder ??= System.IO.Path.Combine(System.IO.Path.GetTempPath(), "security-guarantees-builtin", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var path = System.IO.Path.Combine(_builtInFolder, file[prefix.Length..].Replace('/', System.IO.Path.DirectorySeparatorChar));
        if (!File.Exists(path) && _workspace!.GetRuleFileText(file) is { } text)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return LspConvert.ToUri(path);
    }

    private static JsonObject SortText(JsonObject item, int index)
    {
        item["sortText"] = index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return item;
    }

    private static JsonObject Notification(string method, JsonObject parameters) => new() { ["method"] = method, ["params"] = parameters };

    private static string Uri(JsonObject parameters) =>
        parameters["textDocument"]?["uri"]?.GetValue<string>() ?? throw new LspException(InvalidParams, "textDocument.uri is missing");

    private static string Path(JsonObject parameters) => LspConvert.ToPath(Uri(parameters));

    private static TextPosition Position(JsonObject parameters) =>
        LspConvert.ToPosition(parameters["position"] ?? throw new LspException(InvalidParams, "position is missing"));

    private sealed class LspException(int code, string message) : Exception(message)
    {
        public int Code { get; } = code;
    }
}
