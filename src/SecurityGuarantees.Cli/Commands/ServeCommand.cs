using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Server;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>serve</c>: the HTTP API and the playground (docs/server.md), on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var urls = new Option<string>("--urls")
        {
            Description = $"The addresses to listen on, separated by ';'. Default: {ServerOptions.DefaultUrls} (loopback only).",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var watch = new Option<bool>("--watch") { Description = "Reload the rule files when they change; a failed reload keeps the old rules and shows in /healthz." };
        var decisionLog = new Option<string>("--decision-log") { Description = "Append one JSON line per evaluation to this file (input hash, rule-set hash, conclusions, duration). Off by default." };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "The largest request body accepted (413 beyond). Default: 4194304 (4 MiB).", DefaultValueFactory = _ => 4 * 1024 * 1024 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds an evaluation may take before it is cancelled (503). Default: 5.", DefaultValueFactory = _ => 5 };
        var maxFirings = CommonOptions.MaxFirings();
        var command = new Command("serve", "Serve the HTTP API (evaluate, explain, why-not, timeline, lint, diagnostics, rules, graph, schemas, health, metrics) and the browser playground at /.")
        {
            rules, urls, watch, decisionLog, maxBody, timeout, maxFirings,
        };
        maxBody.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() <= 0)
            {
                result.AddError("--max-body-bytes must be a positive number");
            }
        });
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds");
            }
        });
        command.SetAction((parse, cancellationToken) => Run(context, new ServerOptions
        {
            RulePaths = parse.GetValue(rules) ?? [],
            Urls = parse.GetValue(urls)!,
            Watch = parse.GetValue(watch),
            DecisionLogPath = parse.GetValue(decisionLog),
            MaxRequestBodyBytes = parse.GetValue(maxBody),
            EvaluationTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            MaxFirings = parse.GetValue(maxFirings),
        }, cancellationToken));
        return command;
    }

    private static async Task<int> Run(CliContext context, ServerOptions options, CancellationToken cancellationToken)
    {
        await using var app = SecurityGuaranteesServer.CreateApplication(options);
        try
        {
            var engine = app.Services.GetRequiredService<IScenarioEngineAccessor>().Current;
            foreach (var warning in engine.Warnings)
            {
                context.WriteError(warning.ToString());
            }
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            if (!options.Watch)
            {
                return ExitCodes.LoadError;
            }

            context.WriteError("no valid rules: serving 503 until the watched rule files are fixed (see /healthz)");
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            context.WriteError($"error: cannot listen on {options.Urls}: {e.Message}");
            return ExitCodes.Failed;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var loopback = Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
            context.WriteError(string.Create(CultureInfo.InvariantCulture,
                $"listening on {address}{(loopback ? "" : " (not loopback: reachable from other machines)")}"));
        }

        context.WriteError("playground at /, API under /v1, /healthz, /metrics, /openapi/v1.json; Ctrl+C stops");
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }

        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
