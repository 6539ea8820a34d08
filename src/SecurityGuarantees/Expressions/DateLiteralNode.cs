namespace SecurityGuarantees.Expressions;

/// <summary>A date literal written <c>yyyy-mm-dd</c>.</summary>
internal sealed record DateLiteralNode(int Start, int Length, DateOnly Value) : ExprNode(Start, Length)
{
    public override int Height => 1;
}
