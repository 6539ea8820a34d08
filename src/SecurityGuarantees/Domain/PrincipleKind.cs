namespace SecurityGuarantees.Domain;

/// <summary>A principle a party holds, recorded in a <see cref="Principle"/>.</summary>
public enum PrincipleKind
{
    /// <summary>Ukraine's own army is the first security guarantee (E5, Paris, 12 March 2025).</summary>
    ArmyFirstGuarantee,

    /// <summary>Guarantees for Ukraine are not separated from NATO.</summary>
    NotSeparatedFromNato,

    /// <summary>Nothing about Ukraine without Ukraine.</summary>
    UkraineAtTable,

    /// <summary>A ceasefire comes first, talks on a settlement after.</summary>
    CeasefireFirst,

    /// <summary>A settlement comes first, a ceasefire with it.</summary>
    PeaceFirst,

    /// <summary>No foreign troops in Ukraine.</summary>
    NoForeignTroops,
}
