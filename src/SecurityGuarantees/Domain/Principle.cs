using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Domain;

/// <summary>
/// A principle a party holds, e.g. that Ukraine's own army is the first security guarantee (E5, Paris, 12 March
/// 2025). Keyed by <see cref="Id"/> and <see cref="Holder"/>.
/// </summary>
public sealed record Principle
{
    /// <summary>Which principle.</summary>
    [FactKey(0)]
    public PrincipleKind Id { get; init; }

    /// <summary>The id of the party that holds it.</summary>
    [FactKey(1)]
    public string Holder { get; init; } = "";
}
