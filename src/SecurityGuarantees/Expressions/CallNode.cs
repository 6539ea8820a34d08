namespace SecurityGuarantees.Expressions;

/// <summary>A call of one of the built-in functions, e.g. <c>count(p.roles)</c>.</summary>
internal sealed record CallNode(int Start, int Length, NameNode Function, IReadOnlyList<ExprNode> Arguments) : ExprNode(Start, Length)
{
    public override int Height { get; } = 1 + (Arguments.Count == 0 ? 0 : Arguments.Max(a => a.Height));
}
