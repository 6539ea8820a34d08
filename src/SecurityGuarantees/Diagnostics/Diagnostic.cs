using System.Globalization;

namespace SecurityGuarantees.Diagnostics;

/// <summary>One problem found in a rule or scenario file, with where it is, a stable code and a hint.</summary>
/// <param name="Code">Stable code such as <c>SG0102</c>; see <c>docs/diagnostics.md</c>.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">What is wrong, in the author's terms.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Hint">What to do about it, or <see langword="null"/>.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location, string? Hint = null)
{
    /// <summary>Formats compiler-style: <c>file:line:column: error SG0102: message (hint: ...)</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var text = string.Create(CultureInfo.InvariantCulture, $"{Location}: {severity} {Code}: {Message}");
        return Hint is null ? text : $"{text} (hint: {Hint})";
    }
}
