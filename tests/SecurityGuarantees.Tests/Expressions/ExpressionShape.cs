using System.Globalization;
using System.Linq.Expressions;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>A structural description of an expression tree: every node's kind, type, method, member and constant, in order.</summary>
internal sealed class ExpressionShape : ExpressionVisitor
{
    private readonly List<Expression> _nodes = [];

    public static IEnumerable<Expression> Nodes(Expression expression)
    {
        var shape = new ExpressionShape();
        shape.Visit(expression);
        return shape._nodes;
    }

    public static IReadOnlyList<string> Of(Expression expression) => [.. Nodes(expression).Select(Describe)];

    public override Expression? Visit(Expression? node)
    {
        if (node is not null)
        {
            _nodes.Add(node);
        }

        return base.Visit(node);
    }

    private static string Describe(Expression node) => node switch
    {
        ConstantExpression c => $"Constant:{c.Type}:{Convert.ToString(c.Value, CultureInfo.InvariantCulture)}",
        MethodCallExpression m => $"Call:{m.Type}:{m.Method.DeclaringType}.{m.Method}",
        MemberExpression m => $"Member:{m.Type}:{m.Member.DeclaringType}.{m.Member.Name}",
        BinaryExpression b => $"{b.NodeType}:{b.Type}:{b.Method}:{b.IsLiftedToNull}",
        UnaryExpression u => $"{u.NodeType}:{u.Type}:{u.Method}",
        ParameterExpression p => $"Parameter:{p.Type}:{p.Name}",
        _ => $"{node.NodeType}:{node.Type}",
    };
}
