namespace SecurityGuarantees.Domain;

/// <summary>
/// A signed or agreed text, e.g. the Paris Declaration of 6 January 2026. Keyed by <see cref="Id"/>.
/// </summary>
public sealed record Document
{
    /// <summary>The document's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Its title.</summary>
    public string? Title { get; init; }

    /// <summary>The day it was adopted.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The ids of the parties that signed it.</summary>
    public IReadOnlyList<string> Signatories { get; init; } = [];

    /// <summary>The ids of the parties present when it was adopted, signing or not.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>How binding it is.</summary>
    public BindingLevel? Binding { get; init; }

    /// <summary>Clauses dropped from earlier drafts, in a few words each.</summary>
    public IReadOnlyList<string> RemovedClauses { get; init; } = [];
}
