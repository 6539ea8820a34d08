namespace SecurityGuarantees;

/// <summary>Per-evaluation settings; every property is optional.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Overrides the scenario's <c>asOf</c> (the CLI's <c>--as-of</c>).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Overrides the engine's firing limit for this evaluation (the CLI's <c>--max-firings</c>).</summary>
    public int? MaxFirings { get; init; }

    /// <summary>
    /// Records every author-rule activation in firing order (<see cref="Results.EvaluationResult.Trace"/>, and
    /// <see cref="Timelines.TimelineResult.Trace"/> for a timeline); the CLI's <c>--trace</c>. Off by default: when off, the
    /// session does not even listen for activations.
    /// </summary>
    public bool Trace { get; init; }
}
