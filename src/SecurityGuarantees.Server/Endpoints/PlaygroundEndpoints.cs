using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Server.Contracts;
using SecurityGuarantees.Server.Hosting;
using SecurityGuarantees.Server.Playground;

namespace SecurityGuarantees.Server.Endpoints;

/// <summary>
/// The playground: the page at <c>/</c>, its embedded assets, the menu's files, and <c>POST /v1/playground/run</c>,
/// which evaluates the scenario editor's text against the server's rules with the rules editor's file swapped in.
/// </summary>
internal static class PlaygroundEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html")).ExcludeFromDescription();
        app.MapGet("/playground/{name}", (string name) => Asset(name)).ExcludeFromDescription();
        var group = app.MapGroup("/v1/playground").WithTags("Playground");
        group.MapGet("/samples", Samples).WithSummary("The server's rule files and the example scenarios, for the playground's menu.")
            .Produces<IReadOnlyList<SampleFile>>();
        group.MapPost("/run", Run).WithSummary("Evaluate the playground's editors: conclusions, a justification graph and why-not in one answer.")
            .Accepts<PlaygroundRequest>("application/json").Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType);
    }

    private static IResult Asset(string name) =>
        PlaygroundAssets.Find(name) is { } asset ? TypedResults.Bytes(asset.Content, asset.ContentType) : TypedResults.NotFound();

    private static IResult Samples(HttpContext context, RuleSetState rules)
    {
        if (!rules.TryGetEngine(context, out var engine, out var error))
        {
            return error!;
        }

        IReadOnlyList<SampleFile> files = [.. engine.RuleFiles.Select(f => new SampleFile(f.File, "rules", f.Text)), .. PlaygroundAssets.Scenarios];
        return TypedResults.Json(files, ServerJsonContext.Relaxed.IReadOnlyListSampleFile);
    }

    private static async Task<IResult> Run(HttpContext context, RuleSetState rules, ServerOptions options, PlaygroundEngines engines)
    {
        var (body, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (body is null)
        {
            return bodyError!;
        }

        PlaygroundRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, ServerJsonContext.Relaxed.PlaygroundRequest);
        }
        catch (JsonException e)
        {
            return ProblemResponses.InvalidQuery($"the body is not valid JSON: {e.Message}", "send the PlaygroundRequest shape (docs/server.md)");
        }

        if (request is null)
        {
            return ProblemResponses.InvalidQuery("the body is empty", "send the PlaygroundRequest shape (docs/server.md)");
        }

        if (!rules.TryGetEngine(context, out var server, out var unavailable))
        {
            return unavailable!;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(options.EvaluationTimeout);
        var json = Render(w => Write(w, request, server, options, engines, limit.Token));
        return TypedResults.Text(json, EvaluationRunner.JsonContentType, Encoding.UTF8);
    }

    private static void Write(Utf8JsonWriter json, PlaygroundRequest request, ScenarioEngine server, ServerOptions options, PlaygroundEngines engines,
        CancellationToken cancellationToken)
    {
        json.WriteStartObject();
        var engine = server;
        if (request.Rules is { } rulesText)
        {
            try
            {
                engine = engines.Get(server, request.RulesFile ?? "playground.yaml", rulesText);
            }
            catch (RuleLoadException e)
            {
                WriteDiagnostics(json, "ruleDiagnostics", e.Diagnostics.Where(d => d.Location.File == (request.RulesFile ?? "playground.yaml")).ToList(), rulesText);
                json.WriteString("error", $"the rules have {e.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s)");
                json.WriteEndObject();
                return;
            }
        }

        json.WriteString("ruleSet", engine.RuleSetHash);
        WriteStrings(json, "rules", engine.RuleIds);
        WriteStrings(json, "conditions", engine.DerivedConditionIds);
        Scenarios.Scenario scenario;
        try
        {
            scenario = engine.ParseScenario(EvaluationEndpoints.SourceName, request.Scenario ?? "");
        }
        catch (RuleLoadException e)
        {
            WriteDiagnostics(json, "scenarioDiagnostics", e.Diagnostics, request.Scenario ?? "");
            json.WriteString("error", $"the scenario has {e.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s)");
            json.WriteEndObject();
            return;
        }

        DateOnly? asOf = DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", out var date) ? date : null;
        var evaluationOptions = new EvaluationOptions { AsOf = asOf, MaxFirings = options.MaxFirings };
        try
        {
            json.WritePropertyName("evaluation");
            json.WriteRawValue(JsonReportWriter.ToJson(engine.Evaluate(scenario, evaluationOptions, cancellationToken)));
            if (request.ExplainCondition is { } condition)
            {
                var explanation = engine.Explain(scenario, new ExplanationQuery { Condition = condition, Subject = request.ExplainSubject }, evaluationOptions, cancellationToken);
                using var mermaid = new StringWriter { NewLine = "\n" };
                ExplanationMermaidWriter.Write(explanation, mermaid);
                json.WriteString("mermaid", mermaid.ToString());
            }

            if (request.WhyNotRule is { } rule && engine.RuleIds.Contains(rule))
            {
                json.WritePropertyName("whyNot");
                json.WriteRawValue(WhyNotJsonWriter.ToJson(engine.WhyNot(scenario, rule, evaluationOptions, cancellationToken)));
            }
            else if (request.WhyNotCondition is { } whyNotCondition && engine.DerivedConditionIds.Contains(whyNotCondition))
            {
                json.WritePropertyName("whyNot");
                json.WriteRawValue(WhyNotJsonWriter.ToJson(engine.WhyNotCondition(scenario, whyNotCondition, evaluationOptions, cancellationToken)));
            }
        }
        catch (Evaluation.EvaluationException e)
        {
            json.WriteString("error", $"{e.Code}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            json.WriteString("error", "the evaluation took longer than the time limit and was cancelled");
        }

        json.WriteEndObject();
    }

    private static void WriteDiagnostics(Utf8JsonWriter json, string name, IReadOnlyList<Diagnostic> diagnostics, string text)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(JsonSerializer.Serialize(new DiagnosticsResponse(RequestDiagnostics.From(diagnostics, text)), ServerJsonContext.Relaxed.DiagnosticsResponse));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
