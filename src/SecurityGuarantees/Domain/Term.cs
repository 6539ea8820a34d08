using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Domain;

/// <summary>
/// One term of a proposal, e.g. a cap of 600,000 on Ukraine's army in the 28-point draft. Keyed by <see cref="Id"/>
/// when it is set, otherwise by <see cref="Proposal"/> and <see cref="Kind"/>.
/// </summary>
public sealed record Term
{
    /// <summary>An optional id, for a proposal with two terms of one kind.</summary>
    public string? Id { get; init; }

    /// <summary>The id of the proposal the term belongs to.</summary>
    [FactKey(0)]
    public string Proposal { get; init; } = "";

    /// <summary>What the term provides.</summary>
    [FactKey(1)]
    public TermKind? Kind { get; init; }

    /// <summary>A number the term sets, e.g. the army cap.</summary>
    public decimal? Value { get; init; }

    /// <summary>The wording, or a summary of it.</summary>
    public string? Text { get; init; }
}
