namespace SecurityGuarantees.Diagnostics;

/// <summary>Collects every diagnostic of a load so that all problems are reported in one pass.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string code, SourceLocation location, string message, string? hint = null) =>
        _items.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, location, hint));

    public void Warning(string code, SourceLocation location, string message, string? hint = null) =>
        _items.Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, location, hint));

    /// <summary>Diagnostics sorted by file, line, column and code, so output is deterministic.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
