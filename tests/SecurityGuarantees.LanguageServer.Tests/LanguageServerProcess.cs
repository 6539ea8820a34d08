using System.Diagnostics;
using System.Text.Json.Nodes;
using StreamJsonRpc;

namespace SecurityGuarantees.LanguageServer.Tests;

/// <summary>
/// The real tool (<c>dotnet security-guarantees.dll lsp</c>, or the executable <c>SECURITYGUARANTEES_LSP_TOOL</c> names) as a child process, with a StreamJsonRpc client on its
/// stdio using the LSP framing (Content-Length headers) and System.Text.Json.
/// </summary>
internal sealed class LanguageServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<JsonObject> _diagnostics = [];
    private readonly SemaphoreSlim _published = new(0);

    private LanguageServerProcess(Process process)
    {
        _process = process;
        var formatter = new SystemTextJsonFormatter();
        var handler = new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter);
        Rpc = new JsonRpc(handler);
        Rpc.AddLocalRpcTarget(new ServerNotifications(this));
        Rpc.StartListening();
    }

    public JsonRpc Rpc { get; }

    /// <summary>The registrations the server asked for with <c>client/registerCapability</c>.</summary>
    public List<JsonObject> Registrations { get; } = [];

    public static async Task<LanguageServerProcess> StartAsync(string? rootFolder = null, JsonObject? capabilities = null)
    {
        // SECURITYGUARANTEES_LSP_TOOL names another build of the tool to drive, e.g. the native one (docs/editors.md).
        var native = Environment.GetEnvironmentVariable("SECURITYGUARANTEES_LSP_TOOL");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(native) ? "dotnet" : native)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(native))
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "security-guarantees.dll"));
        }

        start.ArgumentList.Add("lsp");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the tool");
        _ = process.StandardError.ReadToEndAsync();
        var server = new LanguageServerProcess(process);
        var root = rootFolder is null ? null : new Uri(rootFolder).AbsoluteUri;
        await server.Rpc.InvokeWithParameterObjectAsync<JsonObject>("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["capabilities"] = capabilities ?? new JsonObject(),
        });
        await server.Rpc.NotifyWithParameterObjectAsync("initialized", new JsonObject());
        return server;
    }

    /// <summary>The next <c>textDocument/publishDiagnostics</c> notification's parameters.</summary>
    public async Task<JsonObject> NextDiagnosticsAsync()
    {
        Assert.True(await _published.WaitAsync(TimeSpan.FromSeconds(60)), "no diagnostics were published within 60 s");
        lock (_diagnostics)
        {
            var next = _diagnostics[0];
            _diagnostics.RemoveAt(0);
            return next;
        }
    }

    /// <summary>
    /// The parameters of the first <c>textDocument/publishDiagnostics</c> for <paramref name="uri"/> that satisfies
    /// <paramref name="wanted"/>; earlier ones (for that document or others) are skipped.
    /// </summary>
    public async Task<JsonObject> DiagnosticsAsync(string uri, Func<JsonArray, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            Assert.True(remaining > TimeSpan.Zero && await _published.WaitAsync(remaining), $"no wanted diagnostics for {uri} were published within 60 s");
            JsonObject next;
            lock (_diagnostics)
            {
                next = _diagnostics[0];
                _diagnostics.RemoveAt(0);
            }

            if (next["uri"]!.GetValue<string>() == uri && wanted(next["diagnostics"]!.AsArray()))
            {
                return next;
            }
        }
    }

    public Task<JsonNode?> RequestAsync(string method, JsonObject parameters) =>
        Rpc.InvokeWithParameterObjectAsync<JsonNode?>(method, parameters);

    public Task NotifyAsync(string method, JsonObject parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task<int> ShutdownAsync()
    {
        await Rpc.InvokeWithParameterObjectAsync<JsonNode?>("shutdown", new JsonObject());
        await Rpc.NotifyAsync("exit");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnDiagnostics(JsonObject parameters)
    {
        lock (_diagnostics)
        {
            _diagnostics.Add(parameters);
        }

        _published.Release();
    }

    /// <summary>The notifications the server sends the client.</summary>
    private sealed class ServerNotifications(LanguageServerProcess owner)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonObject parameters) => owner.OnDiagnostics(parameters);

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(JsonObject parameters) => _ = parameters;

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public JsonNode? RegisterCapability(JsonObject parameters)
        {
            lock (owner.Registrations)
            {
                owner.Registrations.AddRange(parameters["registrations"]!.AsArray().OfType<JsonObject>());
            }

            return null;
        }
    }
}
