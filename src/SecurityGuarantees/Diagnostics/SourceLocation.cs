namespace SecurityGuarantees.Diagnostics;

/// <summary>A position in a source file: 1-based line and column, as editors and compilers show them.</summary>
/// <param name="File">The file path as the author gave it (or a resource name for built-in rules).</param>
/// <param name="Line">1-based line number; 0 when the whole file is meant.</param>
/// <param name="Column">1-based column number; 0 when the whole line is meant.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Returns a location <paramref name="columns"/> characters further on the same line.</summary>
    public SourceLocation Offset(int columns) => this with { Column = Column + columns };

    /// <summary>Formats as <c>file:line:column</c>, or <c>file</c> alone when the whole file is meant (line 0).</summary>
    public override string ToString() => Line == 0 ? File : $"{File}:{Line}:{Column}";
}
