namespace SecurityGuarantees.Domain;

/// <summary>When a <see cref="Demand"/> must be met.</summary>
public enum DemandTiming
{
    /// <summary>Before a ceasefire or talks.</summary>
    Precondition,

    /// <summary>As part of a final settlement.</summary>
    Settlement,
}
