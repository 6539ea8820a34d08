namespace SecurityGuarantees.Domain;

/// <summary>What an <see cref="Observation"/> records.</summary>
public enum ObservationKind
{
    /// <summary>
    /// A violation of a ceasefire, truce or moratorium; <see cref="Observation.By"/> is the party said to have violated
    /// it.
    /// </summary>
    Violation,

    /// <summary>A strike.</summary>
    Strike,

    /// <summary>A proposal's period ran out.</summary>
    Expiry,

    /// <summary>Aid or intelligence to Ukraine paused.</summary>
    AidPause,

    /// <summary>Aid or intelligence to Ukraine resumed.</summary>
    AidResume,

    /// <summary>Sanctions imposed.</summary>
    SanctionsImposed,

    /// <summary>A prisoner exchange.</summary>
    PrisonerExchange,

    /// <summary>A public statement.</summary>
    Statement,
}
