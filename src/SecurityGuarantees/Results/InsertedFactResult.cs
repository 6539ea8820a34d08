namespace SecurityGuarantees.Results;

/// <summary>A fact a rule inserted with <c>insert:</c>, with the justifications that support it.</summary>
/// <param name="Type">The registered fact type name.</param>
/// <param name="Key">The fact's key.</param>
/// <param name="Fact">The fact itself.</param>
/// <param name="Justifications">Why it was inserted.</param>
public sealed record InsertedFactResult(string Type, string Key, object Fact, IReadOnlyList<Justification> Justifications);
