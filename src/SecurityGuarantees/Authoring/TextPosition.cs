namespace SecurityGuarantees.Authoring;

/// <summary>A position in a document: 1-based line and column, as <see cref="Diagnostics.SourceLocation"/> counts them (columns in UTF-16 code units).</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column; one past the last character is the end of the line.</param>
public readonly record struct TextPosition(int Line, int Column);

/// <summary>A span of a document, end exclusive.</summary>
/// <param name="Start">The first character.</param>
/// <param name="End">The position after the last character.</param>
public readonly record struct TextRange(TextPosition Start, TextPosition End);
