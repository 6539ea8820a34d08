using Parlot;
using Parlot.Fluent;

namespace SecurityGuarantees.Expressions;

/// <summary>A Parlot parse context that also collects invalid literals, which are not syntax errors and must not stop the parse.</summary>
internal sealed class ExpressionParseContext(string text, int maxRecursionDepth)
    : ParseContext(new Scanner(text), maxRecursionDepth)
{
    public List<LiteralProblem> Problems { get; } = [];

    /// <summary>Set when parsing stopped because the thread's stack ran low.</summary>
    public bool StackExhausted { get; set; }

    public void Report(LiteralProblem problem)
    {
        // Parlot may read a token again after backtracking; report it once.
        if (!Problems.Contains(problem))
        {
            Problems.Add(problem);
        }
    }
}
