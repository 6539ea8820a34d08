namespace SecurityGuarantees.Expressions;

/// <summary>A string literal; <see cref="Value"/> has its escapes decoded.</summary>
internal sealed record StringLiteralNode(int Start, int Length, string Value) : ExprNode(Start, Length)
{
    public override int Height => 1;
}
