namespace SecurityGuarantees.Server;

/// <summary>How <c>security-guarantees serve</c> runs: rules, address, limits and the decision log (docs/server.md).</summary>
public sealed record ServerOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Rule files or folders (<c>builtin</c> for the built-in set); empty: the built-in rule set.</summary>
    public IReadOnlyList<string> RulePaths { get; init; } = [];

    /// <summary>The addresses to listen on (semicolon-separated), default <see cref="DefaultUrls"/>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Reload the rule files when they change; a failed reload keeps the old rules (shown by <c>/healthz</c>).</summary>
    public bool Watch { get; init; }

    /// <summary>How long rule files must stay unchanged before a reload, default 500 ms.</summary>
    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A JSON Lines file that gets one line per evaluation; <see langword="null"/> (the default): no decision log.</summary>
    public string? DecisionLogPath { get; init; }

    /// <summary>The largest request body accepted, default 4 MiB; larger is 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The time one evaluation may take, default 5 s; it is then cancelled and the request gets 503.</summary>
    public TimeSpan EvaluationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bounds rule firings per evaluation (the engine's default when <see langword="null"/>); reaching it is 422.</summary>
    public int? MaxFirings { get; init; }
}
