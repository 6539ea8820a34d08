using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Server.Contracts;
using SecurityGuarantees.Server.Hosting;
using SecurityGuarantees.Server.Playground;

namespace SecurityGuarantees.Server.Endpoints;

/// <summary>
/// <c>POST /v1/diagnostics</c> (what an editor underlines as the author types), <c>POST /v1/completion</c> (the language
/// server's completion, for the playground) and <c>POST /v1/lint</c> (a rule file checked as a whole).
/// </summary>
internal static class AuthoringEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Authoring");
        group.MapPost("/diagnostics", Diagnose)
            .WithSummary("Diagnostics of a rule, scenario or timeline text, without evaluating it.")
            .Accepts<DiagnosticsRequest>("application/json")
            .Produces<DiagnosticsResponse>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/completion", Complete)
            .WithSummary("Completion at a position of a rule, scenario or timeline text: what the language server proposes there.")
            .Accepts<CompletionRequest>("application/json")
            .Produces<CompletionResponse>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/lint", Lint)
            .WithSummary("Lint a rule file (the body) on its own: `lint --rules file --format json`.")
            .Accepts<string>("application/yaml")
            .Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType).ProducesProblems(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Diagnose(HttpContext context, RuleSetState rules, ServerOptions options)
    {
        var (body, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (body is null)
        {
            return bodyError!;
        }

        var (request, invalid) = ReadJson(body, ServerJsonContext.Relaxed.DiagnosticsRequest, "send {\"kind\":\"rules\"|\"scenario\"|\"timeline\",\"text\":\"...\"}");
        if (invalid is not null)
        {
            return invalid;
        }

        if (request is not { Kind: "rules" or "scenario" or "timeline", Text: not null })
        {
            const string Message = "the body needs \"kind\" (rules, scenario or timeline) and \"text\"";
            return ProblemResponses.Create(StatusCodes.Status400BadRequest, ServerCodes.InvalidJsonBody, "Invalid diagnostics request", Message,
                [new RequestDiagnostic(1, 1, 1, 2, "error", ServerCodes.InvalidJsonBody, Message, "send {\"kind\":\"rules\",\"text\":\"version: 1\\n...\"}")]);
        }

        IReadOnlyList<Diagnostic> diagnostics;
        if (request.Kind == "rules")
        {
            diagnostics = RuleTextDiagnostics(request.Text);
        }
        else if (!rules.TryGetEngine(context, out var engine, out var unavailable))
        {
            return unavailable!;
        }
        else
        {
            diagnostics = ScenarioDiagnostics(engine, request.Kind, request.Text);
        }

        return TypedResults.Ok(new DiagnosticsResponse(RequestDiagnostics.From(diagnostics, request.Text)));
    }

    /// <summary>The diagnostics of a rule file compiled on its own (errors, or the warnings of a clean load).</summary>
    internal static IReadOnlyList<Diagnostic> RuleTextDiagnostics(string text)
    {
        try
        {
            return new ScenarioEngineBuilder().AddRuleText(EvaluationEndpoints.SourceName, text).Build().Warnings;
        }
        catch (RuleLoadException e)
        {
            return e.Diagnostics;
        }
    }

    private static async Task<IResult> Complete(HttpContext context, RuleSetState rules, ServerOptions options, PlaygroundAuthoring authoring)
    {
        var (body, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (body is null)
        {
            return bodyError!;
        }

        const string Usage = "send {\"kind\":\"rules\"|\"scenario\"|\"timeline\",\"text\":\"...\",\"line\":1,\"column\":1}";
        var (request, invalid) = ReadJson(body, ServerJsonContext.Relaxed.CompletionRequest, Usage);
        if (invalid is not null)
        {
            return invalid;
        }

        if (request is not { Kind: "rules" or "scenario" or "timeline", Text: not null, Line: >= 1, Column: >= 1 })
        {
            const string Message = "the body needs \"kind\" (rules, scenario or timeline), \"text\", and a \"line\" and \"column\" of 1 or more";
            return ProblemResponses.Create(StatusCodes.Status400BadRequest, ServerCodes.InvalidJsonBody, "Invalid completion request", Message,
                [new RequestDiagnostic(1, 1, 1, 2, "error", ServerCodes.InvalidJsonBody, Message, Usage)]);
        }

        if (!rules.TryGetEngine(context, out var engine, out var unavailable))
        {
            return unavailable!;
        }

        var items = authoring.Complete(engine, request.Kind, request.Text, new Authoring.TextPosition(request.Line, request.Column), request.RulesFile, request.Rules);
        return TypedResults.Ok(new CompletionResponse([.. items.Select(i => new CompletionItem(i.Label, PlaygroundAuthoring.KindName(i.Kind), i.Detail, i.InsertText))]));
    }

    /// <summary>A JSON body as <typeparamref name="T"/>, or the 400 problem that says where the JSON is broken.</summary>
    private static (T? Value, IResult? Problem) ReadJson<T>(string body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string usage)
    {
        try
        {
            return (JsonSerializer.Deserialize(body, type), null);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            const string Message = "the body is not valid JSON";
            return (default, ProblemResponses.Create(StatusCodes.Status400BadRequest, ServerCodes.InvalidJsonBody, "Invalid JSON", $"{Message}: {e.Message}",
                [new RequestDiagnostic(line, column, line, column + 1, "error", ServerCodes.InvalidJsonBody, Message, usage)]));
        }
    }

    internal static IReadOnlyList<Diagnostic> ScenarioDiagnostics(ScenarioEngine engine, string kind, string text)
    {
        try
        {
            if (kind == "timeline")
            {
                engine.ParseTimeline(EvaluationEndpoints.SourceName, text);
            }
            else
            {
                engine.ParseScenario(EvaluationEndpoints.SourceName, text);
            }

            return [];
        }
        catch (RuleLoadException e)
        {
            return e.Diagnostics;
        }
    }

    private static async Task<IResult> Lint(HttpContext context, ServerOptions options)
    {
        var (text, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (text is null)
        {
            return bodyError!;
        }

        ScenarioEngine engine;
        try
        {
            engine = new ScenarioEngineBuilder().AddRuleText(EvaluationEndpoints.SourceName, text).Build();
        }
        catch (RuleLoadException e)
        {
            return ProblemResponses.InvalidBody(e.Diagnostics, text);
        }

        return TypedResults.Text(LintJsonWriter.ToJson(engine.RuleIds.Count, engine.Lint()) + "\n", EvaluationRunner.JsonContentType);
    }
}
