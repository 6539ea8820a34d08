using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityGuarantees.Server.Contracts;

/// <summary>Source-generated JSON for every request and response type the server serializes (Native AOT needs it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))] // /v1/whatif's vary and varyPresent, for /openapi/v1.json in the native tool
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(DiagnosticsRequest))]
[JsonSerializable(typeof(DiagnosticsResponse))]
[JsonSerializable(typeof(CompletionRequest))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(RulesResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(PlaygroundRequest))]
[JsonSerializable(typeof(IReadOnlyList<SampleFile>))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
    /// <summary>The context every response uses: web defaults, and quotes and apostrophes written as they are (like the library's JSON writers).</summary>
    public static ServerJsonContext Relaxed { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
