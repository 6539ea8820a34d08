namespace SecurityGuarantees.Domain;

/// <summary>What a <see cref="Proposal"/> offers.</summary>
public enum ProposalKind
{
    /// <summary>A full ceasefire on land, in the air and at sea.</summary>
    Ceasefire,

    /// <summary>A ceasefire limited to some domains, e.g. the Black Sea.</summary>
    PartialCeasefire,

    /// <summary>A pause on one kind of strike, e.g. on energy infrastructure.</summary>
    Moratorium,

    /// <summary>A short truce, often declared unilaterally (Easter, 8-10 May).</summary>
    Truce,

    /// <summary>A draft framework for a settlement, e.g. the 28-point plan.</summary>
    PeaceFramework,

    /// <summary>A party's written negotiating position, e.g. Russia's Istanbul memorandum.</summary>
    Memorandum,
}
