namespace SecurityGuarantees.Expressions;

/// <summary><c>x.field</c>: a field of the fact bound to <c>x</c>.</summary>
internal sealed record MemberAccessNode(int Start, int Length, NameNode Target, NameNode Member) : ExprNode(Start, Length)
{
    public override int Height => 2;
}
