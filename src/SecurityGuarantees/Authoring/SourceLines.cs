namespace SecurityGuarantees.Authoring;

/// <summary>A document's text split into lines (without their line breaks), for positions and line-based contexts.</summary>
internal sealed class SourceLines
{
    private readonly string[] _lines;

    public SourceLines(string text)
    {
        Text = text;
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    public string Text { get; }

    public int Count => _lines.Length;

    /// <summary>The text of 1-based line <paramref name="line"/>, or "" outside the document.</summary>
    public string this[int line] => line >= 1 && line <= _lines.Length ? _lines[line - 1] : "";

    /// <summary>The text of the line before the 1-based column (clamped to the line).</summary>
    public string Prefix(TextPosition position)
    {
        var line = this[position.Line];
        return line[..Math.Clamp(position.Column - 1, 0, line.Length)];
    }

    /// <summary>The identifier-like word (letters, digits, '_', '-', '.') around a position, with its range, or null.</summary>
    public (string Word, TextRange Range)? WordAt(TextPosition position, bool withDots = false)
    {
        var line = this[position.Line];
        var at = Math.Clamp(position.Column - 1, 0, line.Length);
        var start = at;
        while (start > 0 && IsWordChar(line[start - 1], withDots))
        {
            start--;
        }

        var end = at;
        while (end < line.Length && IsWordChar(line[end], withDots))
        {
            end++;
        }

        return end > start
            ? (line[start..end], new TextRange(new TextPosition(position.Line, start + 1), new TextPosition(position.Line, end + 1)))
            : null;
    }

    /// <summary>
    /// The span a diagnostic at (<paramref name="line"/>, <paramref name="column"/>) covers: the word or quoted string
    /// starting there, one character otherwise, the whole line for column 0 and the first line for line 0.
    /// </summary>
    public TextRange DiagnosticRange(int line, int column)
    {
        if (line < 1)
        {
            return new TextRange(new TextPosition(1, 1), new TextPosition(1, this[1].Length + 1));
        }

        var text = this[line];
        if (column < 1)
        {
            return new TextRange(new TextPosition(line, 1), new TextPosition(line, text.Length + 1));
        }

        var start = column - 1;
        var end = start;
        if (start < text.Length && text[start] == '"')
        {
            var close = text.IndexOf('"', start + 1);
            end = close < 0 ? text.Length : close + 1;
        }
        else
        {
            while (end < text.Length && IsWordChar(text[end], withDots: false))
            {
                end++;
            }

            if (end == start && start < text.Length)
            {
                end++;
            }
        }

        return new TextRange(new TextPosition(line, column), new TextPosition(line, end + 1));
    }

    public static bool IsWordChar(char c, bool withDots) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (withDots && c == '.');
}
