namespace SecurityGuarantees.Expressions;

/// <summary><c>!x</c> or <c>not x</c>.</summary>
internal sealed record NotNode(int Start, int Length, ExprNode Operand) : ExprNode(Start, Length)
{
    public override int Height { get; } = 1 + Operand.Height;
}
