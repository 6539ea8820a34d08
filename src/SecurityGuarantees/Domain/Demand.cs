namespace SecurityGuarantees.Domain;

/// <summary>
/// What one party demands of another, e.g. Russia's demand that foreign military aid to Ukraine stop before a
/// ceasefire (18 March 2025). Keyed by <see cref="Id"/>.
/// </summary>
public sealed record Demand
{
    /// <summary>The demand's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The id of the party that demands.</summary>
    public string? Holder { get; init; }

    /// <summary>The id of the party that would have to act.</summary>
    public string? Target { get; init; }

    /// <summary>What is demanded.</summary>
    public DemandKind? Kind { get; init; }

    /// <summary>A number the demand sets, e.g. an army cap.</summary>
    public decimal? Value { get; init; }

    /// <summary>Whether it must be met before a ceasefire or as part of a settlement.</summary>
    public DemandTiming? Timing { get; init; }

    /// <summary>Whether it still stands; <see cref="DemandStatus.Open"/> by default.</summary>
    public DemandStatus Status { get; init; } = DemandStatus.Open;
}
