using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Server.Contracts;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>Builds the <c>application/problem+json</c> answers of every endpoint.</summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static IResult Create(int status, string code, string title, string detail, IReadOnlyList<RequestDiagnostic>? diagnostics = null,
        IReadOnlyList<string>? rules = null)
    {
        var body = new ProblemBody($"https://securityguarantees.invalid/docs/server#{code.ToLowerInvariant()}", title, status, detail, code, diagnostics ?? [], rules);
        return TypedResults.Text(JsonSerializer.Serialize(body, ServerJsonContext.Relaxed.ProblemBody), ContentType, Encoding.UTF8, status);
    }

    /// <summary>400: the body has errors; every diagnostic positioned in the body's text.</summary>
    public static IResult InvalidBody(IReadOnlyList<Diagnostic> diagnostics, string text)
    {
        var positioned = RequestDiagnostics.From(diagnostics, text);
        var errors = positioned.Count(d => d.Severity == "error");
        var first = positioned.FirstOrDefault(d => d.Severity == "error") ?? positioned.FirstOrDefault();
        var detail = first is null ? "the request body has errors" : $"{errors} error(s); the first at {first.Line}:{first.Column}: {first.Message}";
        return Create(StatusCodes.Status400BadRequest, first?.Code ?? ServerCodes.InvalidJsonBody, "The request body has errors", detail, positioned);
    }

    /// <summary>400: a query parameter is wrong.</summary>
    public static IResult InvalidQuery(string message, string hint) =>
        Create(StatusCodes.Status400BadRequest, ServerCodes.InvalidQuery, "Invalid query parameter", message,
            [new RequestDiagnostic(0, 0, 0, 0, "error", ServerCodes.InvalidQuery, message, hint)]);

    /// <summary>503: no valid rules are loaded.</summary>
    public static IResult NoRules(RuleLoadException failure) =>
        Create(StatusCodes.Status503ServiceUnavailable, ServerCodes.NoRules, "No valid rules are loaded",
            $"the server's rule files have {failure.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s); fix them (with --watch they are reloaded) and see /healthz",
            [.. failure.Diagnostics.Select(d => RequestDiagnostics.From(d, null))]);
}
