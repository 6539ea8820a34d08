namespace SecurityGuarantees.Expressions;

/// <summary>A number literal; every number in the language is a <see cref="decimal"/>.</summary>
internal sealed record NumberLiteralNode(int Start, int Length, decimal Value) : ExprNode(Start, Length)
{
    public override int Height => 1;
}
