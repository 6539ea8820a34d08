namespace SecurityGuarantees.Domain;

/// <summary>
/// Something reported to have happened: a violation, a strike, an expiry, an aid pause, sanctions, a prisoner
/// exchange or a statement. Keyed by <see cref="Id"/>.
/// </summary>
public sealed record Observation
{
    /// <summary>The observation's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>What happened.</summary>
    public ObservationKind? Kind { get; init; }

    /// <summary>The id of the party that acted; for a violation, the party said to have violated.</summary>
    public string? By { get; init; }

    /// <summary>The id of the party acted against.</summary>
    public string? Against { get; init; }

    /// <summary>The id of the proposal concerned, e.g. the truce violated.</summary>
    public string? Proposal { get; init; }

    /// <summary>Whether it was independently verified; a claim by one side is not.</summary>
    public bool Verified { get; init; }

    /// <summary>The day it happened.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>What was reported, in a sentence.</summary>
    public string? Text { get; init; }
}
