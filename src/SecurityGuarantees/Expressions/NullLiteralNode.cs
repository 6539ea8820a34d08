namespace SecurityGuarantees.Expressions;

/// <summary><c>null</c>; it takes the type of what it is compared with.</summary>
internal sealed record NullLiteralNode(int Start, int Length) : ExprNode(Start, Length)
{
    public override int Height => 1;
}
