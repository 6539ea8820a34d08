namespace SecurityGuarantees.Domain;

/// <summary>What a <see cref="Demand"/> asks for; also the conditions a <see cref="Position"/> attaches.</summary>
public enum DemandKind
{
    /// <summary>Ukraine disarms.</summary>
    Demilitarisation,

    /// <summary>Ukraine's armed forces are capped; the number is <see cref="Demand.Value"/>.</summary>
    ArmyCap,

    /// <summary>Foreign military aid to Ukraine stops.</summary>
    HaltForeignAid,

    /// <summary>Foreign intelligence sharing with Ukraine stops.</summary>
    HaltIntelligence,

    /// <summary>Ukraine stops mobilising.</summary>
    HaltMobilisation,

    /// <summary>Ukraine does not rearm during a pause.</summary>
    NoRearmament,

    /// <summary>Ukraine takes a neutral status.</summary>
    Neutrality,

    /// <summary>No foreign troops are deployed in Ukraine.</summary>
    NoForeignTroops,

    /// <summary>Ukraine withdraws from territory.</summary>
    Withdrawal,

    /// <summary>Sanctions on Russia are lifted or eased.</summary>
    SanctionsRelief,

    /// <summary>The "root causes" of the war are addressed first.</summary>
    RootCauses,

    /// <summary>A ceasefire is verified before it holds.</summary>
    Verification,
}
