namespace SecurityGuarantees.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational; never fails a build.</summary>
    Info,

    /// <summary>Suspicious but loadable.</summary>
    Warning,

    /// <summary>The input cannot be loaded; nothing is built.</summary>
    Error,
}
