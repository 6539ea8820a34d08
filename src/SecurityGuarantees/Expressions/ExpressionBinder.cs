using System.Diagnostics;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// Checks names and types of a parsed expression against a <see cref="BindingScope"/> and builds a canonical LINQ tree:
/// numbers are <c>decimal?</c>, dates <c>DateOnly?</c>, enum constants have the field's type, there are no blocks and no
/// captured state, so the same text in the same scope always gives the same tree (NRules shares nodes on that).
/// </summary>
internal sealed partial class ExpressionBinder
{
    private readonly BindingScope _scope;
    private readonly string _text;
    private readonly SourceTextMap _map;
    private readonly DiagnosticBag _diagnostics;

    // Scope parameters the expression being bound reads; reset by each Bind* call.
    private readonly List<ParameterExpression> _used = [];
    private bool _stackExhausted;

    /// <param name="scope">What names mean.</param>
    /// <param name="text">The text the nodes were parsed from (for operator spellings in messages).</param>
    /// <param name="origin">The file location of <c>text[0]</c>.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public ExpressionBinder(BindingScope scope, string text, SourceLocation origin, DiagnosticBag diagnostics)
        : this(scope, text, new SourceTextMap(text, origin), diagnostics)
    {
    }

    /// <summary>As the main constructor, for text whose later lines start at <paramref name="continuationColumn"/>.</summary>
    public ExpressionBinder(BindingScope scope, string text, SourceLocation origin, int continuationColumn, DiagnosticBag diagnostics)
        : this(scope, text, new SourceTextMap(text, origin, continuationColumn), diagnostics)
    {
    }

    internal ExpressionBinder(BindingScope scope, string text, SourceTextMap map, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        _scope = scope;
        _text = text;
        _map = map;
        _diagnostics = diagnostics;
    }

    /// <summary>Binds a condition; it must be true or false. Null on error (diagnostics added).</summary>
    public BoundExpression? BindCondition(ExprNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _used.Clear();
        _stackExhausted = false;
        var bound = Bind(node);
        if (bound is null)
        {
            return null;
        }

        if (bound.Kind != ValueKind.Bool)
        {
            Error(
                DiagnosticCodes.NotBoolean,
                node.Start,
                $"a condition must be true or false, but this is {bound.Type.Described}",
                "compare it, e.g. with '==', '>' or 'in'");
            return null;
        }

        return Complete(AsBool(bound.Expression));
    }

    /// <summary>Binds a value of any type (lists for <c>each:</c>, numbers for <c>having:</c>, template values). Null on error.</summary>
    public BoundExpression? BindValue(ExprNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _used.Clear();
        _stackExhausted = false;
        var bound = Bind(node);
        return bound is null ? null : Complete(bound.Expression);
    }

    /// <summary>The operands of top-level <c>&amp;&amp;</c>/<c>and</c>, left to right, so a where can be split into separate conditions.</summary>
    public static IReadOnlyList<ExprNode> SplitConjuncts(ExprNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var conjuncts = new List<ExprNode>();
        var pending = new Stack<ExprNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is BinaryNode { Operator: BinaryOperator.And } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                conjuncts.Add(current);
            }
        }

        return conjuncts;
    }

    // Recursion is bounded: the parser rejects trees higher than ExpressionParser.MaxHeight; the stack check covers small thread stacks.
    private TypedExpression? Bind(ExprNode node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_stackExhausted)
            {
                _stackExhausted = true;
                Error(DiagnosticCodes.ExpressionTooComplex, node.Start, "expression nests too deeply for the available stack", "split it into several conditions");
            }

            return null;
        }

        return BindNode(node);
    }

    private TypedExpression? BindNode(ExprNode node) => node switch
    {
        StringLiteralNode s => new(Expression.Constant(s.Value, typeof(string)), ExprType.String),
        NumberLiteralNode n => new(Expression.Constant(n.Value, typeof(decimal?)), ExprType.Number),
        BoolLiteralNode b => new(Expression.Constant(b.Value, typeof(bool)), ExprType.Bool),
        NullLiteralNode => new(Expression.Constant(null, typeof(object)), ExprType.Null),
        DateLiteralNode d => new(Expression.Constant(d.Value, typeof(DateOnly?)), ExprType.Date),
        ListLiteralNode l => BindList(l),
        NameNode n => BindName(n),
        MemberAccessNode m => BindMember(m),
        MethodStyleNode m => ReportMethodStyle(m),
        CallNode c => BindCall(c),
        NotNode n => BindNot(n),
        BinaryNode b => BindBinary(b),
        _ => throw new UnreachableException($"unknown node {node.GetType().Name}"),
    };

    private BoundExpression Complete(Expression body)
    {
        var parameters = new List<ParameterExpression>();
        if (_scope.CurrentParameter is { } current && _used.Contains(current))
        {
            parameters.Add(current);
        }

        foreach (var binding in _scope.Bindings.Values)
        {
            if (_used.Contains(binding.Parameter) && !parameters.Contains(binding.Parameter))
            {
                parameters.Add(binding.Parameter);
            }
        }

        return new BoundExpression(body, body.Type, parameters);
    }

    private void MarkUsed(ParameterExpression parameter)
    {
        if (!_used.Contains(parameter))
        {
            _used.Add(parameter);
        }
    }

    private void Error(string code, int offset, string message, string? hint = null) =>
        _diagnostics.Error(code, _map.Locate(offset), message, hint);

    /// <summary>The operator as written (<c>and</c> or <c>&amp;&amp;</c>), with inner white space collapsed (<c>not in</c>).</summary>
    private string Spelling(BinaryNode node) =>
        string.Join(' ', _text.Substring(node.OperatorStart, node.OperatorLength).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
