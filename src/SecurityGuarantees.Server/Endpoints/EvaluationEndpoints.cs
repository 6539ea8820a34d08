using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Server.Contracts;
using SecurityGuarantees.Server.Hosting;

namespace SecurityGuarantees.Server.Endpoints;

/// <summary>
/// <c>POST /v1/evaluate</c>, <c>/v1/explain</c>, <c>/v1/why-not</c> and <c>/v1/timeline</c>: a scenario (YAML or the same
/// structure as JSON) in, the CLI's JSON for the same request out.
/// </summary>
internal static class EvaluationEndpoints
{
    /// <summary>The source name diagnostics and explanations use for a request body.</summary>
    public const string SourceName = "request";

    /// <summary>The error answers every evaluating endpoint can give (docs/server.md, Errors).</summary>
    private static readonly int[] Failures =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable,
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Evaluation");
        group.MapPost("/evaluate", Evaluate)
            .WithSummary("Evaluate a scenario: exactly what `evaluate --format json` prints.")
            .Accepts<string>("application/yaml", "application/json", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType).ProducesProblems(Failures);
        group.MapPost("/explain", Explain)
            .WithSummary("The justification tree of a condition or next step: `explain --format json`.")
            .Accepts<string>("application/yaml", "application/json", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType).ProducesProblems([.. Failures, StatusCodes.Status404NotFound]);
        group.MapPost("/why-not", WhyNot)
            .WithSummary("Why a rule (or the rules deriving a condition) did not fire: `why-not --format json`.")
            .Accepts<string>("application/yaml", "application/json", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType).ProducesProblems([.. Failures, StatusCodes.Status404NotFound]);
        group.MapPost("/timeline", Timeline)
            .WithSummary("Run a scenario's timeline: `timeline --format json`.")
            .Accepts<string>("application/yaml", "application/json", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType).ProducesProblems(Failures);
    }

    private static async Task<IResult> Evaluate(HttpContext context, string? asOf, RuleSetState rules, ServerOptions options, EvaluationRunner runner, DecisionLog log)
    {
        if (!EvaluationRunner.TryParseAsOf(asOf, out var date, out var error) || !rules.TryGetEngine(context, out var engine, out error))
        {
            return error!;
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (text is null)
        {
            return bodyError!;
        }

        if (!runner.TryParse(() => engine.ParseScenario(SourceName, text), text, out var scenario, out error))
        {
            return error!;
        }

        var evaluationOptions = new EvaluationOptions { AsOf = date, MaxFirings = options.MaxFirings };
        return runner.Run(context, token =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = engine.Evaluate(scenario, evaluationOptions, token);
            log.Record("evaluate", text, engine.RuleSetHash, result, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return JsonReportWriter.ToJson(result) + "\n";
        });
    }

    private static async Task<IResult> Explain(HttpContext context, string? condition, string? nextStep, string? subject, string? actor, string? asOf,
        RuleSetState rules, ServerOptions options, EvaluationRunner runner)
    {
        if (condition is not null && nextStep is not null)
        {
            return ProblemResponses.InvalidQuery("give condition or nextStep, not both", "?condition=ceasefire-pending or ?nextStep=respond-to-ceasefire");
        }

        if (!EvaluationRunner.TryParseAsOf(asOf, out var date, out var error) || !rules.TryGetEngine(context, out var engine, out error))
        {
            return error!;
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (text is null)
        {
            return bodyError!;
        }

        if (!runner.TryParse(() => engine.ParseScenario(SourceName, text), text, out var scenario, out error))
        {
            return error!;
        }

        var query = new ExplanationQuery { Condition = condition, NextStep = nextStep, Subject = subject, Actor = actor };
        Explanation? explanation = null;
        var response = runner.Run(context, token =>
        {
            explanation = engine.Explain(scenario, query, new EvaluationOptions { AsOf = date, MaxFirings = options.MaxFirings }, token);
            return ExplanationJsonWriter.ToJson(explanation) + "\n";
        });
        if (explanation is { Conclusions.Count: 0 } && (condition ?? nextStep) is { } id)
        {
            var what = condition is not null ? "condition" : "next step";
            return ProblemResponses.Create(StatusCodes.Status404NotFound, ServerCodes.NotFound, $"The {what} does not hold",
                $"{what} '{id}' does not hold in scenario {scenario.Id}", [new RequestDiagnostic(0, 0, 0, 0, "error", ServerCodes.NotFound,
                    $"{what} '{id}' does not hold in scenario {scenario.Id}", condition is not null ? "POST /v1/why-not?condition=" + id + " tells why" : null)]);
        }

        return response;
    }

    private static async Task<IResult> WhyNot(HttpContext context, string? rule, string? condition, string? asOf, RuleSetState rules, ServerOptions options,
        EvaluationRunner runner)
    {
        if ((rule is null) == (condition is null))
        {
            return ProblemResponses.InvalidQuery("give exactly one of rule and condition", "?rule=ceasefire-pending or ?condition=ceasefire-pending");
        }

        if (!EvaluationRunner.TryParseAsOf(asOf, out var date, out var error) || !rules.TryGetEngine(context, out var engine, out error))
        {
            return error!;
        }

        var known = rule is not null ? engine.RuleIds : engine.DerivedConditionIds;
        if (!known.Contains(rule ?? condition!, StringComparer.Ordinal))
        {
            var message = rule is not null ? $"no loaded rule has the id '{rule}'" : $"no loaded rule derives the condition '{condition}'";
            return ProblemResponses.Create(StatusCodes.Status404NotFound, ServerCodes.NotFound, "Not loaded", message,
                [new RequestDiagnostic(0, 0, 0, 0, "error", ServerCodes.NotFound, message, "GET /v1/rules lists the loaded rules")]);
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (text is null)
        {
            return bodyError!;
        }

        if (!runner.TryParse(() => engine.ParseScenario(SourceName, text), text, out var scenario, out error))
        {
            return error!;
        }

        var evaluationOptions = new EvaluationOptions { AsOf = date, MaxFirings = options.MaxFirings };
        return runner.Run(context, token => WhyNotJsonWriter.ToJson(rule is not null
            ? engine.WhyNot(scenario, rule, evaluationOptions, token)
            : engine.WhyNotCondition(scenario, condition!, evaluationOptions, token)) + "\n");
    }

    private static async Task<IResult> Timeline(HttpContext context, RuleSetState rules, ServerOptions options, EvaluationRunner runner)
    {
        if (!rules.TryGetEngine(context, out var engine, out var error))
        {
            return error!;
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(context, options);
        if (text is null)
        {
            return bodyError!;
        }

        if (!runner.TryParse(() => engine.ParseTimeline(SourceName, text), text, out var timeline, out error))
        {
            return error!;
        }

        return runner.Run(context, token =>
            TimelineJsonWriter.ToJson(engine.RunTimeline(timeline, new EvaluationOptions { MaxFirings = options.MaxFirings }, token)) + "\n");
    }
}
