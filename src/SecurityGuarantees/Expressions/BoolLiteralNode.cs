namespace SecurityGuarantees.Expressions;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BoolLiteralNode(int Start, int Length, bool Value) : ExprNode(Start, Length)
{
    public override int Height => 1;
}
