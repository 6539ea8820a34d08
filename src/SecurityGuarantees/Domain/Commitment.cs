namespace SecurityGuarantees.Domain;

/// <summary>
/// What a party offers towards Ukraine's security, and how firmly, e.g. troops for the reassurance force once a
/// ceasefire is in force (Paris, 4 September 2025). Keyed by <see cref="Id"/>.
/// </summary>
public sealed record Commitment
{
    /// <summary>The commitment's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The id of the party that commits.</summary>
    public string? Party { get; init; }

    /// <summary>The id of the party that benefits; <c>UA</c> by default.</summary>
    public string? Beneficiary { get; init; } = "UA";

    /// <summary>What is offered.</summary>
    public CommitmentKind? Kind { get; init; }

    /// <summary>How firm the offer is.</summary>
    public CommitmentLevel? Level { get; init; }

    /// <summary>When it takes effect.</summary>
    public CommitmentTrigger? Trigger { get; init; }

    /// <summary>Whether troops would be deployed on the front line.</summary>
    public bool Frontline { get; init; }

    /// <summary>The size offered, e.g. a number of troops.</summary>
    public int? Size { get; init; }
}
