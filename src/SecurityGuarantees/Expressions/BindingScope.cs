using System.Linq.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>What names mean where an expression is bound: the fact being filtered (if any) and the bindings in scope.</summary>
internal sealed class BindingScope
{
    /// <param name="currentFact">The pattern being filtered; bare names resolve to its fields first. Null for <c>each:</c> and <c>having:</c>.</param>
    /// <param name="currentParameter">The parameter standing for the current fact; required with <paramref name="currentFact"/>.</param>
    /// <param name="bindings">The bindings in scope, in scope order (the order of the bound expression's parameters follows it).</param>
    public BindingScope(FactTypeDescriptor? currentFact, ParameterExpression? currentParameter, IReadOnlyDictionary<string, ScopeBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        if (currentFact is not null && (currentParameter is null || currentParameter.Type != currentFact.ClrType))
        {
            throw new ArgumentException($"the current parameter must be of type {currentFact.ClrType.Name}", nameof(currentParameter));
        }

        CurrentFact = currentFact;
        CurrentParameter = currentFact is null ? null : currentParameter;
        Bindings = bindings;
    }

    public FactTypeDescriptor? CurrentFact { get; }

    public ParameterExpression? CurrentParameter { get; }

    public IReadOnlyDictionary<string, ScopeBinding> Bindings { get; }
}
