namespace SecurityGuarantees.Domain;

/// <summary>The kind of a <see cref="Term"/> in a proposal.</summary>
public enum TermKind
{
    /// <summary>A cap on the size of Ukraine's armed forces; the number is <see cref="Term.Value"/>.</summary>
    ArmyCap,

    /// <summary>Ukraine does not join NATO.</summary>
    NoNatoMembership,

    /// <summary>No foreign (NATO or European) troops in Ukraine.</summary>
    NoForeignTroops,

    /// <summary>Ukraine withdraws from territory.</summary>
    Withdrawal,

    /// <summary>Sanctions on Russia are lifted or eased.</summary>
    SanctionsRelief,

    /// <summary>Ukraine takes a neutral status.</summary>
    Neutrality,

    /// <summary>A monitoring mechanism for the ceasefire.</summary>
    Monitoring,
}
