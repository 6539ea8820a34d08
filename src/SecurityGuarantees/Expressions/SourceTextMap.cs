using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expressions;

/// <summary>Maps offsets in an expression's text to file locations, given where the text's first character is.</summary>
internal sealed class SourceTextMap
{
    private readonly string _text;
    private readonly SourceLocation _origin;
    private readonly int _continuationColumn;

    /// <param name="text">The expression text; it may span lines.</param>
    /// <param name="origin">The file location of <c>text[0]</c>.</param>
    /// <param name="continuationColumn">The column of the first character of every later line (1 unless the caller stripped an indentation).</param>
    public SourceTextMap(string text, SourceLocation origin, int continuationColumn = 1)
    {
        _text = text;
        _origin = origin;
        _continuationColumn = Math.Max(1, continuationColumn);
    }

    public SourceLocation Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var before = _text.AsSpan(0, offset);
        var lineStart = before.LastIndexOf('\n') + 1;
        if (lineStart == 0)
        {
            return _origin.Offset(offset);
        }

        var lines = before.Count('\n');
        return _origin with { Line = _origin.Line + lines, Column = _continuationColumn + offset - lineStart };
    }
}
