namespace SecurityGuarantees.Results;

/// <summary>A fact a rule matched, named by its type and key (a derived condition as <c>id/subject</c>).</summary>
/// <param name="Type">The registered fact type name, e.g. <c>Position</c>.</param>
/// <param name="Key">The fact's key; a composite key joins its fields with <c>/</c>.</param>
public sealed record FactReference(string Type, string Key);
