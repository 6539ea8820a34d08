using System.Text.Json;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes the findings of <see cref="ScenarioEngine.Lint"/> as one line of JSON with a fixed property order:
/// <c>{"rules":N,"errors":N,"warnings":N,"infos":N,"diagnostics":[{"file","line","column","severity","code","message","hint"}]}</c>.
/// </summary>
public static class LintJsonWriter
{
    /// <summary>Writes the findings as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="ruleCount">How many rules were linted.</param>
    /// <param name="diagnostics">The findings, in the order to report them.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(int ruleCount, IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(ruleCount, diagnostics));
        output.Write('\n');
    }

    /// <summary>The findings as one JSON object (no trailing newline).</summary>
    /// <param name="ruleCount">How many rules were linted.</param>
    /// <param name="diagnostics">The findings, in the order to report them.</param>
    public static string ToJson(int ruleCount, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("rules", ruleCount);
            json.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            json.WriteNumber("infos", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info));
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>One diagnostic as <c>{"file","line","column","severity","code","message","hint"}</c>.</summary>
    internal static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("file", diagnostic.Location.File);
        json.WriteNumber("line", diagnostic.Location.Line);
        json.WriteNumber("column", diagnostic.Location.Column);
        json.WriteString("severity", SeverityName(diagnostic.Severity));
        json.WriteString("code", diagnostic.Code);
        json.WriteString("message", diagnostic.Message);
        json.WriteString("hint", diagnostic.Hint);
        json.WriteEndObject();
    }

    /// <summary>The severity as diagnostics print it: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
