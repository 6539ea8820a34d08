namespace SecurityGuarantees.Facts;

/// <summary>
/// A derived conclusion that holds in a scenario, such as <c>ceasefire-pending</c>. Identified by
/// (<see cref="Id"/>, <see cref="Subject"/>); rules can match it like any other fact.
/// </summary>
public sealed record Condition
{
    /// <summary>What holds, e.g. <c>ceasefire-pending</c>.</summary>
    [FactKey(0)]
    public string Id { get; init; } = "";

    /// <summary>What it is about, e.g. a proposal id; may be <see langword="null"/>.</summary>
    [FactKey(1)]
    public string? Subject { get; init; }

    /// <summary>The parties concerned, sorted ordinally.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>A sentence for people.</summary>
    public string? Text { get; init; }

    /// <summary>How serious it is.</summary>
    public Severity Severity { get; init; }
}
