namespace SecurityGuarantees.Expressions;

/// <summary>
/// C#-style member syntax the language does not have: <c>x.StartsWith("a")</c>, <c>p.roles.Count</c>, <c>Math.Abs(x)</c>.
/// It is parsed only so that the binder can name the function to write instead (SG0221); it never binds.
/// </summary>
internal sealed record MethodStyleNode(int Start, int Length, IReadOnlyList<NameNode> Path, IReadOnlyList<ExprNode>? Arguments) : ExprNode(Start, Length)
{
    public override int Height { get; } = 2 + (Arguments is not { Count: > 0 } ? 0 : Arguments.Max(a => a.Height));
}
