using Microsoft.Extensions.Logging;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>Hot-reload log messages (category <c>SecurityGuarantees.ScenarioEngine</c>); ids listed in <c>docs/packaging.md</c>.</summary>
internal static partial class ReloadLog
{
    [LoggerMessage(EventId = 20, EventName = "RulesWatchStarted", Level = LogLevel.Information,
        Message = "Watching {Paths} for rule changes; reloading {DelayMilliseconds} ms after the last change")]
    public static partial void WatchStarted(ILogger logger, string paths, double delayMilliseconds);

    [LoggerMessage(EventId = 21, EventName = "RulesWatchNothing", Level = LogLevel.Warning,
        Message = "WatchRules is on but no rule file or folder is configured (only built-in rules or rule text): nothing to watch")]
    public static partial void NothingToWatch(ILogger logger);

    [LoggerMessage(EventId = 22, EventName = "RulesReloaded", Level = LogLevel.Information,
        Message = "Reloaded the rules: {RuleCount} rules; evaluations started from now on use them")]
    public static partial void Reloaded(ILogger logger, int ruleCount);

    [LoggerMessage(EventId = 23, EventName = "RulesReloadRejected", Level = LogLevel.Warning,
        Message = "Reloading the rules failed with {ErrorCount} errors (logged above); keeping the previous {RuleCount} rules")]
    public static partial void ReloadRejected(ILogger logger, int errorCount, int ruleCount);

    [LoggerMessage(EventId = 24, EventName = "RulesReloadFailed", Level = LogLevel.Error,
        Message = "Reloading the rules failed unexpectedly; keeping the previous {RuleCount} rules")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, int ruleCount);

    [LoggerMessage(EventId = 25, EventName = "RulesWatchError", Level = LogLevel.Warning,
        Message = "The rule file watcher reported an error; reloading to catch up")]
    public static partial void WatchError(ILogger logger, Exception exception);
}
