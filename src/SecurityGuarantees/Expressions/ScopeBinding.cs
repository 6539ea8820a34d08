using System.Linq.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// A name an expression can use. With <paramref name="Fact"/> it is a fact binding (<c>x.field</c>; the parameter's type is the
/// fact's CLR type); otherwise a scalar binding of <paramref name="ScalarType"/>, such as <c>decimal?</c> for a count or
/// <c>string</c> or an enum for <c>each</c>.
/// </summary>
internal sealed record ScopeBinding(string Name, ParameterExpression Parameter, FactTypeDescriptor? Fact, Type? ScalarType)
{
    public bool IsFact => Fact is not null;
}
