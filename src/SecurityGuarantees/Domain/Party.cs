namespace SecurityGuarantees.Domain;

/// <summary>
/// A state, organisation or grouping that takes part in the war, the talks or the guarantees, e.g. <c>UA</c>,
/// <c>RU</c>, <c>US</c>, <c>FR</c>, <c>E5</c> or <c>coalition</c>. Keyed by <see cref="Id"/>.
/// </summary>
public sealed record Party
{
    /// <summary>The party's id, e.g. <c>UA</c>; other facts refer to parties by this id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The name people know it by, e.g. <c>Ukraine</c>.</summary>
    public string? Name { get; init; }

    /// <summary>State, organisation or grouping.</summary>
    public PartyKind? Kind { get; init; }

    /// <summary>For a grouping, the ids of its members.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The roles it plays; rules find the belligerents here.</summary>
    public IReadOnlyList<PartyRole> Roles { get; init; } = [];
}
