using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Results;

/// <summary>A condition that holds, with every justification that supports it.</summary>
/// <param name="Id">What holds, e.g. <c>ceasefire-pending</c>.</param>
/// <param name="Subject">What it is about, or <see langword="null"/>.</param>
/// <param name="Parties">The parties concerned, sorted ordinally.</param>
/// <param name="Severity">The highest severity among its justifications.</param>
/// <param name="Text">A sentence for people.</param>
/// <param name="Justifications">Why it holds, sorted by rule id then facts.</param>
public sealed record ConditionResult(string Id, string? Subject, IReadOnlyList<string> Parties, Severity Severity, string? Text,
    IReadOnlyList<Justification> Justifications);
