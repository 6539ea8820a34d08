namespace SecurityGuarantees.Authoring;

/// <summary>
/// Makes the line being typed loadable, for completion only: an author mid-edit has often left a quote, bracket or
/// brace open (<c>text: "{pos.</c>) or a key without its value (<c>having: </c>), and the loader then drops the rule,
/// so its expressions are never bound. The copy closes what is open and gives an empty value a placeholder; everything
/// before the cursor stays where it was.
/// </summary>
internal static class LineRepair
{
    public static string? Repair(SourceLines lines, int line)
    {
        var text = lines[line];
        var closers = new Stack<char>();
        var quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '{' or '[')
            {
                closers.Push(c == '{' ? '}' : ']');
            }
            else if (c is '}' or ']' && closers.Count > 0)
            {
                closers.Pop();
            }
        }

        var repaired = text;
        if (repaired.TrimEnd().EndsWith(':'))
        {
            repaired = repaired.TrimEnd() + " x";
        }

        if (closers.Count > 0)
        {
            repaired += " x" + string.Concat(closers);
        }

        if (quote != '\0')
        {
            repaired += quote;
        }

        if (repaired == text)
        {
            return null;
        }

        var all = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            all[i] = i + 1 == line ? repaired : lines[i + 1];
        }

        return string.Join('\n', all);
    }
}
