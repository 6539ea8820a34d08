namespace SecurityGuarantees.Expressions;

/// <summary>
/// A cheap, non-recursive pre-scan that finds where an expression nests too deeply, so that hostile input such as
/// ten thousand '(' never reaches the recursive grammar.
/// </summary>
/// <remarks>
/// Depth counts open brackets plus unary operators still waiting for their operand, which is what the grammar recurses on.
/// It does not validate anything; the parser reports syntax errors.
/// </remarks>
internal static class NestingDepthScanner
{
    /// <summary>The offset where nesting first exceeds <paramref name="maxDepth"/>, or -1.</summary>
    public static int FindExcess(string text, int maxDepth)
    {
        // Unary operators pending per open bracket level; never more than maxDepth + 1 levels, because we stop there.
        var pending = new List<int>(capacity: 8) { 0 };
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '(' or '[')
            {
                pending.Add(0);
                if (++depth > maxDepth)
                {
                    return i;
                }

                i++;
            }
            else if (c is ')' or ']')
            {
                if (pending.Count > 1)
                {
                    depth -= 1 + pending[^1];
                    pending.RemoveAt(pending.Count - 1);
                    CompleteOperand(pending, ref depth);
                }

                i++;
            }
            else if (c == '!' && (i + 1 >= text.Length || text[i + 1] != '='))
            {
                pending[^1]++;
                if (++depth > maxDepth)
                {
                    return i;
                }

                i++;
            }
            else if (c == '"')
            {
                i = SkipString(text, i);
                CompleteOperand(pending, ref depth);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var end = SkipWord(text, i);
                var word = text.AsSpan(i, end - i);
                if (word is "not" && !NextWordIs(text, end, "in"))
                {
                    pending[^1]++;
                    if (++depth > maxDepth)
                    {
                        return i;
                    }
                }
                else if (word is not ("and" or "or" or "in" or "not") && NextNonSpace(text, end) != '(')
                {
                    // A call's operand ends at its ')' instead.
                    CompleteOperand(pending, ref depth);
                }

                i = end;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = SkipWord(text, i);
                CompleteOperand(pending, ref depth);
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    private static void CompleteOperand(List<int> pending, ref int depth)
    {
        depth -= pending[^1];
        pending[^1] = 0;
    }

    private static int SkipWord(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-') && !(text[i] == '-' && !char.IsAsciiDigit(text[i - 1])))
        {
            i++;
        }

        return i;
    }

    private static int SkipString(string text, int i)
    {
        for (i++; i < text.Length && text[i] is not ('"' or '\n'); i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
        }

        return Math.Min(i + 1, text.Length);
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }

    private static bool NextWordIs(string text, int i, string word)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var end = SkipWord(text, i);
        return text.AsSpan(i, end - i).SequenceEqual(word);
    }
}
