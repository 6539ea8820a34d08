namespace SecurityGuarantees.Domain;

/// <summary>Where a <see cref="Proposal"/> stands. The default is <see cref="Open"/>.</summary>
public enum ProposalStatus
{
    /// <summary>Not yet put to the addressees.</summary>
    Draft,

    /// <summary>Put to the addressees and awaiting answers (the default).</summary>
    Open,

    /// <summary>Declared or agreed to be in force.</summary>
    InForce,

    /// <summary>Its period ran out.</summary>
    Expired,

    /// <summary>Its deadline passed without the answers it asked for.</summary>
    Lapsed,
}
