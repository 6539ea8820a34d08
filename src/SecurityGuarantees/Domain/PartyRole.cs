namespace SecurityGuarantees.Domain;

/// <summary>A role a <see cref="Party"/> plays in the war and the talks.</summary>
public enum PartyRole
{
    /// <summary>A party at war: Ukraine or Russia.</summary>
    Belligerent,

    /// <summary>A party that brokers talks, e.g. the United States or Türkiye.</summary>
    Mediator,

    /// <summary>A party offering or weighing security guarantees for Ukraine.</summary>
    Guarantor,

    /// <summary>A party hosting talks or meetings.</summary>
    Host,
}
