using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Domain;

/// <summary>
/// A party's answer to a proposal, e.g. Russia's conditional answer to the Jeddah ceasefire (13 March 2025). Keyed by
/// <see cref="Proposal"/> and <see cref="Party"/>.
/// </summary>
public sealed record Position
{
    /// <summary>The id of the proposal answered.</summary>
    [FactKey(0)]
    public string Proposal { get; init; } = "";

    /// <summary>The id of the party answering.</summary>
    [FactKey(1)]
    public string Party { get; init; } = "";

    /// <summary>The answer.</summary>
    public Stance? Stance { get; init; }

    /// <summary>The kinds of demand attached to a conditional answer.</summary>
    public IReadOnlyList<DemandKind> Conditions { get; init; } = [];

    /// <summary>The day the party took this position.</summary>
    public DateOnly? Since { get; init; }
}
