using System.Linq.Expressions;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// A LINQ expression with its static type. CLR types are canonical: numbers <c>decimal?</c>, dates <c>DateOnly?</c>,
/// enums the field's own type, lists their declared type.
/// </summary>
internal sealed record TypedExpression(Expression Expression, ExprType Type)
{
    public ValueKind Kind => Type.Kind;
}
