namespace SecurityGuarantees;

/// <summary>Per-evaluation settings; every property is optional.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Overrides the scenario's <c>asOf</c> (the CLI's <c>--as-of</c>).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Overrides the engine's firing limit for this evaluation (the CLI's <c>--max-firings</c>).</summary>
    public int? MaxFirings { get; init; }
}
