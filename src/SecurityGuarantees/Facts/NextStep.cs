namespace SecurityGuarantees.Facts;

/// <summary>
/// A derived recommendation: what a party should do next. Identified by (<see cref="Id"/>, <see cref="Actor"/>,
/// <see cref="Subject"/>); rules can match it like any other fact.
/// </summary>
public sealed record NextStep
{
    /// <summary>What to do, e.g. <c>respond-to-ceasefire</c>.</summary>
    [FactKey(0)]
    public string Id { get; init; } = "";

    /// <summary>The party that should act.</summary>
    [FactKey(1)]
    public string? Actor { get; init; }

    /// <summary>What it is about, e.g. a proposal id.</summary>
    [FactKey(2)]
    public string? Subject { get; init; }

    /// <summary>A sentence for people.</summary>
    public string? Text { get; init; }

    /// <summary>Higher is more urgent; 0 by default.</summary>
    public int Priority { get; init; }
}
