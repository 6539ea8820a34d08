namespace SecurityGuarantees.Expressions;

/// <summary><c>!x</c> or <c>not x</c>; <paramref name="Spelling"/> is how the operator was written, for messages.</summary>
internal sealed record NotNode(int Start, int Length, int OperatorStart, string Spelling, ExprNode Operand) : ExprNode(Start, Length)
{
    public override int Height { get; } = 1 + Operand.Height;
}
