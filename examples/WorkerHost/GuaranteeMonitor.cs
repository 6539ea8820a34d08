using SecurityGuarantees.DependencyInjection;

namespace WorkerHost;

/// <summary>
/// Evaluates the scenario with the injected <see cref="IScenarioEvaluator"/> and logs what holds: once with
/// <c>--once</c> (then stops the host), otherwise every few seconds, so that rule edits show up through hot reload.
/// </summary>
public sealed partial class GuaranteeMonitor(
    IScenarioEvaluator evaluator,
    IRuleReloadStatus reloadStatus,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<GuaranteeMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var once = configuration.GetValue<bool>("once");
        var scenario = Path.Combine(AppContext.BaseDirectory, "scenario.yaml");
        do
        {
            var result = evaluator.Evaluate(scenario, cancellationToken: stoppingToken);
            foreach (var condition in result.Conditions)
            {
                LogCondition(condition.Severity.ToString(), condition.Id, condition.Subject, condition.Text);
            }

            LogSummary(result.Scenario, result.Conditions.Count, result.NextSteps.Count, reloadStatus.IsWatching,
                reloadStatus.LastReload is { } last ? (last.Succeeded ? "succeeded" : "failed") : "none yet");
            if (once)
            {
                lifetime.StopApplication();
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "condition {Severity} {Condition} ({Subject}): {Text}")]
    private partial void LogCondition(string severity, string condition, string? subject, string? text);

    [LoggerMessage(Level = LogLevel.Information, Message = "evaluated {Scenario}: {ConditionCount} conditions, {NextStepCount} next steps; watching rules: {Watching}; last reload: {LastReload}")]
    private partial void LogSummary(string scenario, int conditionCount, int nextStepCount, bool watching, string lastReload);
}
