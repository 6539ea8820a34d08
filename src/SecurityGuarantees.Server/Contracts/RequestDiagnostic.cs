namespace SecurityGuarantees.Server.Contracts;

/// <summary>
/// A diagnostic of a request body, positioned in that body: 1-based line and column, and an end one past the last
/// character of the token it points at (so an editor can underline it).
/// </summary>
/// <param name="Line">1-based line; 0 when the whole body (or a query parameter) is meant.</param>
/// <param name="Column">1-based column; 0 when the whole line is meant.</param>
/// <param name="EndLine">The line where the underlined range ends.</param>
/// <param name="EndColumn">The column one past the underlined range.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Code">The stable code, e.g. <c>SG0202</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">What to do about it, or <see langword="null"/>.</param>
public sealed record RequestDiagnostic(int Line, int Column, int EndLine, int EndColumn, string Severity, string Code, string Message, string? Hint);
