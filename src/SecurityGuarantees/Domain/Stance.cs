namespace SecurityGuarantees.Domain;

/// <summary>A party's answer to a proposal, recorded in a <see cref="Position"/>.</summary>
public enum Stance
{
    /// <summary>Accepted as offered.</summary>
    Accepted,

    /// <summary>Accepted subject to conditions, listed in <see cref="Position.Conditions"/>.</summary>
    Conditional,

    /// <summary>No answer yet.</summary>
    Pending,

    /// <summary>Rejected.</summary>
    Rejected,

    /// <summary>Neither accepted nor rejected, and left unanswered past the point an answer was due.</summary>
    Ignored,

    /// <summary>Answered with a different proposal.</summary>
    CounterProposed,
}
