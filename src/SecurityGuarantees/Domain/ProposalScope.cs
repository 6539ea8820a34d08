namespace SecurityGuarantees.Domain;

/// <summary>A domain a <see cref="Proposal"/> covers.</summary>
public enum ProposalScope
{
    /// <summary>Fighting on land.</summary>
    Land,

    /// <summary>Air, missile and drone strikes.</summary>
    Air,

    /// <summary>Naval operations.</summary>
    Sea,

    /// <summary>Strikes on energy infrastructure.</summary>
    Energy,

    /// <summary>Navigation and strikes in the Black Sea.</summary>
    BlackSea,
}
