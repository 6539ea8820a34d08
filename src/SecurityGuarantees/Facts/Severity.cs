namespace SecurityGuarantees.Facts;

/// <summary>How serious a derived <see cref="Condition"/> is. Ordered: a higher value is more serious.</summary>
public enum Severity
{
    /// <summary>Worth knowing (the default).</summary>
    Info = 0,

    /// <summary>Needs attention.</summary>
    Warning = 1,

    /// <summary>Needs action now.</summary>
    Critical = 2,
}
