namespace SecurityGuarantees.Domain;

/// <summary>What a <see cref="Commitment"/> provides.</summary>
public enum CommitmentKind
{
    /// <summary>Weapons, production and funding for Ukraine's own army.</summary>
    ArmyCapability,

    /// <summary>Money for Ukraine.</summary>
    Financing,

    /// <summary>Training of Ukrainian forces.</summary>
    Training,

    /// <summary>Air policing over Ukraine.</summary>
    AirPolicing,

    /// <summary>Naval presence, mine clearing, Black Sea security.</summary>
    Maritime,

    /// <summary>Troops for the multinational reassurance force.</summary>
    ReassuranceForce,

    /// <summary>Intelligence for Ukraine.</summary>
    IntelligenceSharing,

    /// <summary>Logistics, hubs and transit.</summary>
    Logistics,

    /// <summary>Monitoring of a ceasefire.</summary>
    Monitoring,

    /// <summary>A mutual-defence promise modelled on NATO's Article 5.</summary>
    Article5Like,

    /// <summary>Sanctions on Russia.</summary>
    Sanctions,

    /// <summary>United States support for the European-led force.</summary>
    UsBackstop,
}
