using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Authoring;

/// <summary>A diagnostic exactly as the command line reports it, with the span it covers in the document.</summary>
/// <param name="Diagnostic">Code, severity, message, hint and start location, as the CLI prints them.</param>
/// <param name="Range">Where it starts (the diagnostic's location) and ends (the end of the word, string or line there).</param>
public sealed record AuthoringDiagnostic(Diagnostic Diagnostic, TextRange Range);
