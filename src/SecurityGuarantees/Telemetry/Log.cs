using Microsoft.Extensions.Logging;

namespace SecurityGuarantees.Telemetry;

/// <summary>The engine's log messages; event ids are stable and listed in <c>docs/dependency-injection.md</c>.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RulesLoaded", Level = LogLevel.Information,
        Message = "Loaded {RuleCount} rules from {FileCount} files in {ElapsedMilliseconds:0.0} ms: {Files}")]
    public static partial void RulesLoaded(ILogger logger, int ruleCount, int fileCount, double elapsedMilliseconds, string files);

    [LoggerMessage(EventId = 2, EventName = "RulesLoadFailed", Level = LogLevel.Error,
        Message = "Loading rules failed with {ErrorCount} errors in {ElapsedMilliseconds:0.0} ms:\n{Diagnostics}")]
    public static partial void RulesLoadFailed(ILogger logger, int errorCount, double elapsedMilliseconds, string diagnostics);

    [LoggerMessage(EventId = 3, EventName = "RuleLoadWarning", Level = LogLevel.Warning,
        Message = "{Diagnostic}")]
    public static partial void RuleLoadWarning(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 10, EventName = "ScenarioEvaluated", Level = LogLevel.Debug,
        Message = "Evaluated scenario {Scenario} as of {AsOf:yyyy-MM-dd}: {RulesFired} rule firings, {ConditionCount} conditions, {NextStepCount} next steps in {ElapsedMilliseconds:0.0} ms")]
    public static partial void ScenarioEvaluated(ILogger logger, string scenario, DateOnly asOf, int rulesFired, int conditionCount, int nextStepCount, double elapsedMilliseconds);

    [LoggerMessage(EventId = 11, EventName = "ScenarioEvaluationFailed", Level = LogLevel.Debug,
        Message = "Evaluating scenario {Scenario} failed after {ElapsedMilliseconds:0.0} ms")]
    public static partial void ScenarioEvaluationFailed(ILogger logger, Exception exception, string scenario, double elapsedMilliseconds);

    [LoggerMessage(EventId = 12, EventName = "AsOfFromTimeProvider", Level = LogLevel.Information,
        Message = "Scenario {Scenario} has no asOf: evaluating as of {AsOf:yyyy-MM-dd}, today's UTC date from the engine's TimeProvider")]
    public static partial void AsOfFromTimeProvider(ILogger logger, string scenario, DateOnly asOf);
}
