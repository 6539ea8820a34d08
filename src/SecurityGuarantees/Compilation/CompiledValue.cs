using System.Linq.Expressions;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// A bound expression over a rule's declarations, compiled once into a delegate over an argument array so that
/// actions can evaluate it from an activation's <see cref="MatchValues"/>.
/// </summary>
internal sealed class CompiledValue
{
    private readonly string[] _parameterNames;
    private readonly Expression<Func<object?[], object?>> _lambda;

    // Compiled at the first evaluation: most rules of a large set never fire in a given run, and a template hole per
    // rule compiled up front was a thousand compiles for a thousand rules. A race compiles twice, harmlessly.
    private Func<object?[], object?>? _evaluate;

    public CompiledValue(Expression body, IReadOnlyList<ParameterExpression> parameters)
    {
        Body = body;
        ResultType = body.Type;
        _parameterNames = [.. parameters.Select(p => p.Name!)];
        var args = Expression.Parameter(typeof(object?[]), "args");
        var replacements = parameters
            .Select((p, i) => (p, (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.Type)))
            .ToDictionary(x => x.p, x => x.Item2);
        var rewritten = new ParameterReplacer(replacements).Visit(body);
        _lambda = Expression.Lambda<Func<object?[], object?>>(Expression.Convert(rewritten, typeof(object)), args);
    }

    public Type ResultType { get; }

    /// <summary>The bound expression over the rule's declarations (parameters named by declaration).</summary>
    public Expression Body { get; }

    public object? Evaluate(MatchValues values)
    {
        var args = new object?[_parameterNames.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = values[_parameterNames[i]];
        }

        var evaluate = _evaluate ??= DelegateCompiler.Compile(_lambda);
        return evaluate(args);
    }

    private sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
