using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecurityGuarantees.Server.Contracts;
using SecurityGuarantees.Server.Hosting;

namespace SecurityGuarantees.Server.Endpoints;

/// <summary><c>GET /healthz</c> (200 with the rule-set hash and last reload, 503 while no valid rules are loaded) and <c>GET /metrics</c>.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).WithTags("Operations").WithSummary("Whether valid rules are loaded, their hash and the last reload.")
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/metrics", (RuleSetState rules, ServerMetrics metrics) =>
                TypedResults.Text(metrics.ToPrometheusText(rules.Status), "text/plain; version=0.0.4; charset=utf-8"))
            .WithTags("Operations").WithSummary("Prometheus text: evaluations, duration histogram, failures, reloads.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
    }

    private static IResult Health(HttpContext context, RuleSetState rules)
    {
        // The engine first: the first compilation (when it fails) is what LastReload then reports.
        var loaded = rules.TryGetEngine(context, out var engine, out _);
        var status = rules.Status;
        var last = status.LastReload is { } reload
            ? new ReloadEntry(reload.AttemptedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), reload.Succeeded, reload.RuleCount,
                [.. reload.Diagnostics.Where(d => !reload.Succeeded).Select(d => d.ToString())])
            : null;
        if (loaded)
        {
            return TypedResults.Ok(new HealthResponse("ok", engine.RuleSetHash, engine.RuleIds.Count, status.IsWatching, last));
        }

        return TypedResults.Json(new HealthResponse("unavailable", null, 0, status.IsWatching, last), ServerJsonContext.Relaxed.HealthResponse,
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
