using Parlot;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// Parses the expression language of <c>where:</c>, <c>each:</c> and <c>having:</c>. Hostile input is bounded before the
/// recursive grammar sees it: the length, the nesting depth (by a non-recursive pre-scan) and the tree height.
/// </summary>
internal static class ExpressionParser
{
    /// <summary>The default length limit; <see cref="ExpressionLimits"/> has the one in force.</summary>
    public const int MaxLength = 4096;

    /// <summary>The default limit on levels of parentheses, brackets and unary operators; <see cref="ExpressionLimits"/> has the one in force.</summary>
    public const int MaxDepth = 64;

    /// <summary>Height of the parsed tree (chains of binary operators, list items), which the binder and compilers recurse on.</summary>
    public const int MaxHeight = 256;

    // A backstop should the pre-scan ever miss a construct: Parlot fails instead of recursing further.
    // (Each level of nesting is a few dozen Parlot parser calls.)
    private const int ParserCallsPerLevel = 64;

    /// <summary>Parses <paramref name="text"/>; reports every problem with its exact location and returns null on any error.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="origin">The file location of <c>text[0]</c>.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static ExprNode? Parse(string text, SourceLocation origin, DiagnosticBag diagnostics) =>
        Parse(text, new SourceTextMap(text, origin), diagnostics);

    /// <summary>Parses text whose later lines start at <paramref name="continuationColumn"/> (e.g. a YAML block scalar).</summary>
    public static ExprNode? Parse(string text, SourceLocation origin, int continuationColumn, DiagnosticBag diagnostics) =>
        Parse(text, new SourceTextMap(text, origin, continuationColumn), diagnostics);

    internal static ExprNode? Parse(string text, SourceTextMap map, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        // Nesting before length: the scan stops at the first excess, so it is cheap on any input, and it names the real problem.
        var maxDepth = ExpressionLimits.MaxDepth;
        var maxLength = ExpressionLimits.MaxLength;
        var tooDeepAt = NestingDepthScanner.FindExcess(text, maxDepth);
        if (tooDeepAt >= 0)
        {
            diagnostics.Error(
                DiagnosticCodes.ExpressionTooComplex,
                map.Locate(tooDeepAt),
                $"expression nests more than {maxDepth} levels deep (parentheses, brackets, '!' and 'not')",
                "split it into several conditions");
            return null;
        }

        if (text.Length > maxLength)
        {
            diagnostics.Error(
                DiagnosticCodes.ExpressionTooComplex,
                map.Locate(0),
                $"expression is {text.Length} characters long; at most {maxLength} are allowed",
                "split it into several conditions");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(DiagnosticCodes.ExpressionSyntax, map.Locate(0), "expected an expression, found nothing");
            return null;
        }

        var context = new ExpressionParseContext(text, ParserCallsPerLevel * maxDepth);
        var errors = diagnostics.Count;
        if (!ExpressionGrammar.Expression.TryParse(context, out var node, out var error))
        {
            if (context.StackExhausted || error?.Message?.Contains("nested too deeply", StringComparison.Ordinal) == true)
            {
                // Parlot has its own stack check, with its own message; both mean the same to authors.
                diagnostics.Error(
                    DiagnosticCodes.ExpressionTooComplex,
                    map.Locate(error?.Position.Offset ?? 0),
                    "expression nests too deeply for the available stack",
                    "split it into several conditions");
            }
            else if (error is not null)
            {
                ReportSyntax(text, map, diagnostics, error.Position.Offset, error.Message ?? "expected an expression");
            }
            else
            {
                ReportSyntax(text, map, diagnostics, 0, "expected an expression");
            }
        }
        else
        {
            var rest = SkipWhiteSpace(text, context.Scanner.Cursor.Offset);
            if (rest < text.Length)
            {
                ReportUnexpected(text, map, diagnostics, rest);
            }
        }

        foreach (var problem in context.Problems)
        {
            diagnostics.Error(problem.Code, map.Locate(problem.Offset), problem.Message, problem.Hint);
        }

        if (diagnostics.Count > errors || node is null)
        {
            return null;
        }

        if (node.Height > MaxHeight)
        {
            diagnostics.Error(
                DiagnosticCodes.ExpressionTooComplex,
                map.Locate(node.Start),
                $"expression is too complex: more than {MaxHeight} nested operations or list items",
                "split it into several conditions");
            return null;
        }

        return node;
    }

    private static void ReportSyntax(string text, SourceTextMap map, DiagnosticBag diagnostics, int offset, string expected)
    {
        var at = SkipWhiteSpace(text, offset);

        // Grammar errors say what was expected; token errors (an unterminated string) are complete sentences.
        var message = expected.StartsWith("expected ", StringComparison.Ordinal) ? $"{expected}, found {Describe(text, at)}" : expected;
        diagnostics.Error(DiagnosticCodes.ExpressionSyntax, map.Locate(at), message, HintFor(text, at));
    }

    private static void ReportUnexpected(string text, SourceTextMap map, DiagnosticBag diagnostics, int offset) =>
        diagnostics.Error(
            DiagnosticCodes.ExpressionSyntax,
            map.Locate(offset),
            $"unexpected {Describe(text, offset)}: expected an operator or the end of the expression",
            HintFor(text, offset));

    /// <summary>What is at <paramref name="offset"/>, for "found ..." messages: a word, a character or the end.</summary>
    private static string Describe(string text, int offset)
    {
        if (offset >= text.Length)
        {
            return "the end of the expression";
        }

        var end = offset;
        while (end < text.Length && end - offset < 40 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end > offset ? $"'{text[offset..end]}'" : $"'{text[offset]}'";
    }

    private static string? HintFor(string text, int offset) => offset < text.Length
        ? text[offset] switch
        {
            '=' => "compare with '=='",
            '&' => "write '&&' or 'and'",
            '|' => "write '||' or 'or'",
            '\'' => "strings are written in double quotes",
            _ => null,
        }
        : null;

    private static int SkipWhiteSpace(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        while (offset < text.Length && char.IsWhiteSpace(text[offset]))
        {
            offset++;
        }

        return offset;
    }
}
