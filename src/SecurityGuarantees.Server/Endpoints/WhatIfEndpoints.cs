using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Server.Hosting;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Server.Endpoints;

/// <summary>
/// <c>POST /v1/whatif?vary=…&amp;varyPresent=…</c>: the scenario's variants (its own <c>vary:</c> section and the
/// query's dimensions), what <c>whatif --format json</c> prints (docs/what-if.md).
/// </summary>
internal static class WhatIfEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1").WithTags("Evaluation").MapPost("/whatif", WhatIf)
            .WithSummary("Every combination of the variation dimensions: `whatif --format json`.")
            .Accepts<string>("application/yaml", "application/json", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> WhatIf(HttpContext context, [FromQuery] string[]? vary, [FromQuery] string[]? varyPresent, int? maxVariants, string? asOf,
        RuleSetState rules, ServerOptions options, EvaluationRunner runner)
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

        // The query's dimensions and the scenario are checked together, as the CLI does: every problem in one answer.
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<VariationDimension> dimensions = [];
        try
        {
            dimensions = VariationDimensions.Parse(vary ?? [], varyPresent ?? []);
        }
        catch (RuleLoadException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }

        Scenarios.Scenario? scenario = null;
        try
        {
            scenario = engine.ParseScenario(EvaluationEndpoints.SourceName, text);
        }
        catch (RuleLoadException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }

        var whatIf = new WhatIfOptions { MaxVariants = maxVariants ?? WhatIfOptions.DefaultMaxVariants };
        if (scenario is not null)
        {
            diagnostics.AddRange(engine.CheckVariants(scenario, dimensions, whatIf));
        }

        if (diagnostics.Count > 0 || scenario is null)
        {
            return ProblemResponses.InvalidBody(diagnostics, text);
        }

        var evaluationOptions = new EvaluationOptions { AsOf = date, MaxFirings = options.MaxFirings };
        return runner.Run(context, token => VariantsJsonWriter.ToJson(engine.RunVariants(scenario, dimensions, whatIf, evaluationOptions, token)) + "\n");
    }
}
