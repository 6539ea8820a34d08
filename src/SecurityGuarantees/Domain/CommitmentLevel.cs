namespace SecurityGuarantees.Domain;

/// <summary>
/// How firm a <see cref="Commitment"/> is, weakest first. "Political or stronger" means <see cref="Political"/>,
/// <see cref="DeclarationOfIntent"/>, <see cref="LegallyBinding"/>, <see cref="Ratified"/> or <see cref="Active"/>;
/// a commitment exists at any level but <see cref="Suspended"/>.
/// </summary>
public enum CommitmentLevel
{
    /// <summary>Interest expressed.</summary>
    Interested,

    /// <summary>Military or staff planning under way.</summary>
    Planning,

    /// <summary>Publicly promised by a government.</summary>
    Political,

    /// <summary>Set down in a signed declaration of intent.</summary>
    DeclarationOfIntent,

    /// <summary>Signed as a legally binding commitment, not yet ratified.</summary>
    LegallyBinding,

    /// <summary>Ratified.</summary>
    Ratified,

    /// <summary>Being carried out.</summary>
    Active,

    /// <summary>Suspended; the commitment no longer counts as existing.</summary>
    Suspended,
}
