// A generic host using SecurityGuarantees through dependency injection: the built-in rules plus the rules/ folder
// (watched: edit a file and the rules are reloaded), logging to the console, metrics reported at shutdown.
// `dotnet run -- --once` evaluates once and exits; without it, it evaluates every 5 seconds until Ctrl+C.
using WorkerHost;

var builder = Host.CreateApplicationBuilder(args);

// The project's rules/ folder when run from it (`dotnet run`), so edits to it are picked up; else the copy beside the app.
var rules = Path.Combine(builder.Environment.ContentRootPath, "rules");
if (!Directory.Exists(rules))
{
    rules = Path.Combine(AppContext.BaseDirectory, "rules");
}

builder.Services.AddSecurityGuarantees(options =>
{
    options.AddBuiltInRules();
    options.AddRules(rules);
    options.WatchRules = true;
});
builder.Services.AddHostedService<MetricsReporter>();
builder.Services.AddHostedService<GuaranteeMonitor>();

// `--once` (a switch without a value) as the configuration key "once".
if (args.Contains("--once"))
{
    builder.Configuration["once"] = "true";
}

using var host = builder.Build();
await host.RunAsync();
