namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// What hot reload (<see cref="SecurityGuaranteesOptions.WatchRules"/>) has done: whether the rule files are watched
/// and how the last reload went. Registered as a singleton by <c>AddSecurityGuarantees</c>, with or without watching.
/// </summary>
public interface IRuleReloadStatus
{
    /// <summary>
    /// <see langword="true"/> once the engine was first compiled with <see cref="SecurityGuaranteesOptions.WatchRules"/>
    /// on and at least one rule file or folder to watch.
    /// </summary>
    bool IsWatching { get; }

    /// <summary>The rule files and folders watched, as full paths; empty when not watching.</summary>
    IReadOnlyList<string> WatchedPaths { get; }

    /// <summary>The last reload attempt, or <see langword="null"/> when no reload has been attempted yet.</summary>
    RuleReloadResult? LastReload { get; }

    /// <summary>How many reloads swapped new rules in since the start (for metrics).</summary>
    long SucceededReloads { get; }

    /// <summary>How many reload attempts kept the old rules (or found none valid) since the start (for metrics).</summary>
    long FailedReloads { get; }
}
