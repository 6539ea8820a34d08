using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using FastExpressionCompiler;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Turns an expression tree into a delegate: FastExpressionCompiler where the runtime can emit code, the framework's
/// compiler where FastExpressionCompiler declines, and the framework's interpreter where nothing can be emitted
/// (a native AOT build, where FastExpressionCompiler would throw).
/// </summary>
internal static class DelegateCompiler
{
    public static TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate =>
        TryCompileFast(lambda) ?? CompileWithFramework(lambda);

    /// <summary>FastExpressionCompiler's delegate, or null where it declines or the runtime cannot emit code.</summary>
    public static TDelegate? TryCompileFast<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate =>
        RuntimeFeature.IsDynamicCodeSupported ? lambda.CompileFast(ifFastFailedReturnNull: true) : null;

    public static TDelegate CompileWithFramework<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate =>
        lambda.Compile(preferInterpretation: !RuntimeFeature.IsDynamicCodeCompiled);
}
