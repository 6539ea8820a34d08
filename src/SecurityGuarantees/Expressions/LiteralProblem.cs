namespace SecurityGuarantees.Expressions;

/// <summary>A literal the grammar could read but that is not valid, such as <c>2025-02-30</c>; reported after parsing.</summary>
internal sealed record LiteralProblem(int Offset, string Code, string Message, string? Hint = null);
