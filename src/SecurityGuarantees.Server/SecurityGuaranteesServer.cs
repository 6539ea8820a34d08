using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecurityGuarantees.Server.Contracts;
using SecurityGuarantees.Server.Endpoints;
using SecurityGuarantees.Server.Hosting;
using SecurityGuarantees.Server.Playground;

namespace SecurityGuarantees.Server;

/// <summary>
/// Builds the <c>security-guarantees serve</c> application: the HTTP API, the playground, limits and the rule-set
/// header (docs/server.md). The CLI's serve command and the tests use this same builder.
/// </summary>
public static class SecurityGuaranteesServer
{
    /// <summary>Builds the application (not started).</summary>
    /// <param name="options">Rules, address, limits, decision log.</param>
    /// <param name="configure">Changes to the builder before it builds, e.g. a test server.</param>
    /// <returns>The application; run it with <c>RunAsync</c> or <c>StartAsync</c>.</returns>
    public static WebApplication CreateApplication(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddSecurityGuarantees(engine =>
        {
            foreach (var path in options.RulePaths)
            {
                engine.AddRules(path);
            }

            if (options.MaxFirings is { } limit)
            {
                engine.MaxFirings = limit;
            }

            engine.WatchRules = options.Watch;
            engine.ReloadDelay = options.ReloadDelay;

            // serve checks the rules itself: invalid rules stop it, except under --watch (then /healthz says 503 until fixed).
            engine.ValidateOnStart = false;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RuleSetState>();
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<EvaluationRunner>();
        builder.Services.AddSingleton<PlaygroundEngines>();
        builder.Services.AddSingleton<PlaygroundAuthoring>();
        builder.Services.AddSingleton(sp => new DecisionLog(options.DecisionLogPath, TimeProvider.System));
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(static (context, next) =>
        {
            // Every response names the rule set that served it, so replicas can be checked to agree.
            var rules = context.RequestServices.GetRequiredService<RuleSetState>();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[RuleSetState.HeaderName] = rules.HeaderValue(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseStatusCodePages(static async pages =>
        {
            // What routing answers on its own (no such endpoint, a media type no endpoint accepts) is problem+json too.
            var response = pages.HttpContext.Response;
            var (code, title) = response.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => (ServerCodes.UnsupportedMediaType, "Unsupported media type: send YAML (application/yaml) or JSON (application/json)"),
                StatusCodes.Status404NotFound => (ServerCodes.NotFound, "No such endpoint: see /openapi/v1.json"),
                StatusCodes.Status405MethodNotAllowed => (ServerCodes.NotFound, "Method not allowed: see /openapi/v1.json"),
                _ => (null, null),
            };
            if (code is not null)
            {
                await ProblemResponses.Create(response.StatusCode, code, title!, $"{pages.HttpContext.Request.Method} {pages.HttpContext.Request.Path}: {title}")
                    .ExecuteAsync(pages.HttpContext);
            }
        });
        app.MapOpenApi();
        EvaluationEndpoints.Map(app);
        AuthoringEndpoints.Map(app);
        RuleSetEndpoints.Map(app);
        HealthEndpoints.Map(app);
        WhatIfEndpoints.Map(app);
        PlaygroundEndpoints.Map(app);
        return app;
    }
}
