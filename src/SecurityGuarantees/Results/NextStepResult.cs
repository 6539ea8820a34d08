namespace SecurityGuarantees.Results;

/// <summary>A next step that follows, with every justification that supports it.</summary>
/// <param name="Id">What to do, e.g. <c>respond-to-ceasefire</c>.</param>
/// <param name="Actor">The party that should act.</param>
/// <param name="Subject">What it is about, or <see langword="null"/>.</param>
/// <param name="Priority">Higher is more urgent.</param>
/// <param name="Text">A sentence for people.</param>
/// <param name="Justifications">Why it follows, sorted by rule id then facts.</param>
public sealed record NextStepResult(string Id, string? Actor, string? Subject, int Priority, string? Text,
    IReadOnlyList<Justification> Justifications);
