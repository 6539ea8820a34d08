namespace SecurityGuarantees.Expressions;

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed record ListLiteralNode(int Start, int Length, IReadOnlyList<ExprNode> Items) : ExprNode(Start, Length)
{
    // Each item counts as a level: `x in [..]` becomes an OrElse chain as long as the list.
    public override int Height { get; } = Items.Count + (Items.Count == 0 ? 1 : Items.Max(i => i.Height));
}
