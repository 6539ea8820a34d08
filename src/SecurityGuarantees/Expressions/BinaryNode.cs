namespace SecurityGuarantees.Expressions;

/// <summary>A binary operation; the operator's own span is kept so that type errors point at it.</summary>
internal sealed record BinaryNode(int Start, int Length, BinaryOperator Operator, int OperatorStart, int OperatorLength, ExprNode Left, ExprNode Right)
    : ExprNode(Start, Length)
{
    public override int Height { get; } = 1 + Math.Max(Left.Height, Right.Height);
}
