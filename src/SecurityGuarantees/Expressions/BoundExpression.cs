using System.Linq.Expressions;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// A bound expression: a LINQ body and the scope parameters it uses (the current fact's first, then the others in scope
/// order, each once).
/// </summary>
internal sealed record BoundExpression(Expression Body, Type ClrType, IReadOnlyList<ParameterExpression> Parameters)
{
    /// <summary>A lambda over <see cref="Parameters"/>, ready for NRules or for compiling.</summary>
    public LambdaExpression ToLambda() => Expression.Lambda(Body, Parameters);
}
