using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace SecurityGuarantees.Compilation;

/// <summary>Compiles NRules' expression trees with FastExpressionCompiler, falling back to the framework where it declines.</summary>
internal sealed class FastExpressionCompilerAdapter : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        expression.CompileFast(ifFastFailedReturnNull: true) ?? expression.Compile();
}
