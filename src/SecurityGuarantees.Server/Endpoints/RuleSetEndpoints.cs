using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecurityGuarantees.Server.Contracts;
using SecurityGuarantees.Server.Hosting;

namespace SecurityGuarantees.Server.Endpoints;

/// <summary><c>GET /v1/rules</c>, <c>/v1/graph</c> and <c>/v1/schemas/*</c>: what the server's rule set is.</summary>
internal static class RuleSetEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Rule set");
        group.MapGet("/rules", Rules).WithSummary("The loaded rules and the rule-set hash.").Produces<RulesResponse>();
        group.MapGet("/graph", Graph).WithSummary("The rule graph as Mermaid (default) or DOT: `graph --format mermaid|dot`.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/schemas/rules", (HttpContext context, RuleSetState rules) => Schema(context, rules, e => e.GetRuleFileSchema()))
            .WithSummary("The JSON Schema of rule files.").Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType);
        group.MapGet("/schemas/scenario", (HttpContext context, RuleSetState rules) => Schema(context, rules, e => e.GetScenarioFileSchema()))
            .WithSummary("The JSON Schema of scenario files.").Produces<string>(StatusCodes.Status200OK, EvaluationRunner.JsonContentType);
    }

    private static IResult Rules(HttpContext context, RuleSetState rules)
    {
        if (!rules.TryGetEngine(context, out var engine, out var error))
        {
            return error!;
        }

        return TypedResults.Ok(new RulesResponse(engine.RuleSetHash, [.. engine.RuleSummaries.Select(r => new RuleEntry(r.Id, r.Title, r.File, r.Line))]));
    }

    private static IResult Graph(HttpContext context, string? format, RuleSetState rules)
    {
        if (format is not (null or "mermaid" or "dot"))
        {
            return ProblemResponses.InvalidQuery($"format must be mermaid or dot, not '{format}'", "?format=mermaid or ?format=dot");
        }

        if (!rules.TryGetEngine(context, out var engine, out var error))
        {
            return error!;
        }

        return format == "dot"
            ? TypedResults.Text(engine.GetRuleGraph(RuleGraphFormat.Dot), "text/vnd.graphviz; charset=utf-8")
            : TypedResults.Text(engine.GetRuleGraph(RuleGraphFormat.Mermaid), "text/plain; charset=utf-8");
    }

    private static IResult Schema(HttpContext context, RuleSetState rules, Func<ScenarioEngine, string> schema) =>
        rules.TryGetEngine(context, out var engine, out var error)
            ? TypedResults.Text(schema(engine), EvaluationRunner.JsonContentType)
            : error!;
}
