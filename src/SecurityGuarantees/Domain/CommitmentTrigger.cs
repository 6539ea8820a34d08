namespace SecurityGuarantees.Domain;

/// <summary>When a <see cref="Commitment"/> takes effect.</summary>
public enum CommitmentTrigger
{
    /// <summary>Now.</summary>
    Immediate,

    /// <summary>Once a ceasefire is in force.</summary>
    OnCeasefire,

    /// <summary>Once a peace deal is signed.</summary>
    OnPeaceDeal,

    /// <summary>If Russia attacks again.</summary>
    OnRenewedAttack,
}
