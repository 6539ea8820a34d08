using System.Linq.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// A name an expression can use. With <paramref name="Fact"/> it is a fact binding (<c>x.field</c>; the parameter's type is the
/// fact's CLR type); otherwise a scalar binding of <paramref name="ScalarType"/>, such as <c>decimal?</c> for a count or
/// <c>string</c> or an enum for <c>each</c>.
/// </summary>
/// <remarks>
/// <c>Unusable</c> marks a name whose own definition had an error (reported there): uses of it bind to nothing, silently,
/// so one mistake is not reported again at every use.
/// </remarks>
internal sealed record ScopeBinding(string Name, ParameterExpression Parameter, FactTypeDescriptor? Fact, Type? ScalarType, bool Unusable = false)
{
    public bool IsFact => Fact is not null;
}
