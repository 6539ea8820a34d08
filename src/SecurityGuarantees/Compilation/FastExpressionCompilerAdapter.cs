using System.Linq.Expressions;
using NRules.Extensibility;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Compiles NRules' expression trees with FastExpressionCompiler, falling back to the framework where it declines.
/// One adapter serves one rule-set compile and reuses the delegate of a structurally identical tree: NRules compiles
/// every node's expression on its own, and rules of one shape repeat many (index lookups, rule actions), so a large
/// rule set would otherwise compile the same tree hundreds of times. Trees are identical when their
/// <see cref="ExpressionShapeKey"/>s are; a tree without one (a node or constant kind it does not describe) is compiled
/// on its own.
/// </summary>
internal sealed class FastExpressionCompilerAdapter : IExpressionCompiler
{
    private readonly Dictionary<ExpressionShapeKey, Delegate> _compiled = [];

    /// <summary>Trees compiled (cache misses and trees that cannot be keyed).</summary>
    public int Compiled { get; private set; }

    /// <summary>Trees that reused an earlier delegate.</summary>
    public int Reused { get; private set; }

    /// <summary>Trees FastExpressionCompiler declined, compiled by the framework instead.</summary>
    public int FrameworkFallbacks { get; private set; }

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        var key = ExpressionShapeKey.Of(expression);
        if (key is not null && _compiled.TryGetValue(key, out var existing))
        {
            Reused++;
            return (TDelegate)existing;
        }

        var compiled = CompileOne(expression);
        if (key is not null)
        {
            _compiled[key] = compiled;
        }

        return compiled;
    }

    private TDelegate CompileOne<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        Compiled++;
        if (DelegateCompiler.TryCompileFast(expression) is { } fast)
        {
            return fast;
        }

        FrameworkFallbacks++;
        return DelegateCompiler.CompileWithFramework(expression);
    }
}
