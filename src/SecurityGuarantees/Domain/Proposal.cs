namespace SecurityGuarantees.Domain;

/// <summary>
/// A ceasefire, truce, moratorium, peace framework or memorandum put to the parties, e.g. the US-proposed 30-day
/// ceasefire of Jeddah (11 March 2025). Keyed by <see cref="Id"/>.
/// </summary>
public sealed record Proposal
{
    /// <summary>The proposal's id, e.g. <c>jeddah-ceasefire</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>What it offers.</summary>
    public ProposalKind? Kind { get; init; }

    /// <summary>A short title for people.</summary>
    public string? Title { get; init; }

    /// <summary>The domains it covers.</summary>
    public IReadOnlyList<ProposalScope> Scope { get; init; } = [];

    /// <summary>How many days it is to last; may be fractional (a 30-hour truce is 1.25).</summary>
    public decimal? DurationDays { get; init; }

    /// <summary>The first day it applies.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>The last day it applies (inclusive).</summary>
    public DateOnly? Ends { get; init; }

    /// <summary>The last day the addressees have to accept it.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Whether it binds both sides (a ceasefire both must observe).</summary>
    public bool Mutual { get; init; }

    /// <summary>Whether one side declared it on its own.</summary>
    public bool Unilateral { get; init; }

    /// <summary>The ids of the parties that put it forward.</summary>
    public IReadOnlyList<string> ProposedBy { get; init; } = [];

    /// <summary>The ids of the parties asked to accept it.</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    /// <summary>The ids of the parties that wrote the text, where that matters (a draft written without Ukraine).</summary>
    public IReadOnlyList<string> Drafters { get; init; } = [];

    /// <summary>The id of the proposal this one renews or extends.</summary>
    public string? Renews { get; init; }

    /// <summary>What the proposers said would follow a refusal, e.g. new sanctions.</summary>
    public string? ConsequenceIfRefused { get; init; }

    /// <summary>Where it stands; <see cref="ProposalStatus.Open"/> by default.</summary>
    public ProposalStatus Status { get; init; } = ProposalStatus.Open;
}
