namespace SecurityGuarantees.Domain;

/// <summary>Whether a <see cref="Demand"/> still stands. The default is <see cref="Open"/>.</summary>
public enum DemandStatus
{
    /// <summary>The demand stands (the default).</summary>
    Open,

    /// <summary>The demand was dropped.</summary>
    Withdrawn,
}
