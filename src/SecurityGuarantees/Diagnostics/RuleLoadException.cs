namespace SecurityGuarantees.Diagnostics;

/// <summary>
/// Thrown when rule or scenario files cannot be loaded. Carries every diagnostic found in one pass;
/// nothing was half-loaded.
/// </summary>
public sealed class RuleLoadException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    /// <param name="diagnostics">All diagnostics; at least one is an error.</param>
    public RuleLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the load, sorted by file, line and column.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var lines = string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
        return $"Loading failed with {errors} error(s):{Environment.NewLine}{lines}";
    }
}
