using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Server.Contracts;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>
/// Turns the library's diagnostics into <see cref="RequestDiagnostic"/>s: the same line, column, code, message and hint,
/// plus an end position found in the text (the token the column points at), so an editor can underline it.
/// </summary>
internal static class RequestDiagnostics
{
    public static IReadOnlyList<RequestDiagnostic> From(IReadOnlyList<Diagnostic> diagnostics, string? text)
    {
        var lines = text?.Split('\n');
        return [.. diagnostics.Select(d => From(d, lines))];
    }

    public static RequestDiagnostic From(Diagnostic diagnostic, string[]? lines)
    {
        var (line, column) = (diagnostic.Location.Line, diagnostic.Location.Column);
        var (endLine, endColumn) = End(line, column, lines);
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return new RequestDiagnostic(line, column, endLine, endColumn, severity, diagnostic.Code, diagnostic.Message, diagnostic.Hint);
    }

    /// <summary>The end of the token at (line, column): a quoted string, a word (letters, digits, <c>_ - .</c>), or one character; a whole line when column is 0.</summary>
    private static (int Line, int Column) End(int line, int column, string[]? lines)
    {
        if (lines is null || line < 1 || line > lines.Length)
        {
            return (line, column);
        }

        var text = lines[line - 1].TrimEnd('\r');
        if (column < 1)
        {
            return (line, text.Length + 1);
        }

        var start = column - 1;
        if (start >= text.Length)
        {
            return (line, column + 1);
        }

        var end = start + 1;
        if (text[start] is '"' or '\'')
        {
            var close = text.IndexOf(text[start], start + 1);
            end = close < 0 ? text.Length : close + 1;
        }
        else if (IsWordChar(text[start]))
        {
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }
        }

        return (line, end + 1);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';
}
