namespace SecurityGuarantees.Domain;

/// <summary>
/// A meeting, call or round of talks, e.g. the chiefs of staff of 34 countries in Paris on 11 March 2025. Keyed by
/// <see cref="Id"/>.
/// </summary>
public sealed record Meeting
{
    /// <summary>The meeting's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The day it took (or takes) place.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Its format.</summary>
    public MeetingFormat? Format { get; init; }

    /// <summary>The ids of the parties taking part.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>The ids of parties notably absent.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Where it took place, e.g. <c>Paris</c>.</summary>
    public string? Place { get; init; }

    /// <summary>What it was about, e.g. <c>ukraine-security</c>.</summary>
    public string? Topic { get; init; }
}
