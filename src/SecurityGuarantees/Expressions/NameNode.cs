namespace SecurityGuarantees.Expressions;

/// <summary>A bare name: a field of the current fact or a scalar binding (or, inside other nodes, a binding or function name).</summary>
internal sealed record NameNode(int Start, int Length, string Name) : ExprNode(Start, Length)
{
    public override int Height => 1;
}
