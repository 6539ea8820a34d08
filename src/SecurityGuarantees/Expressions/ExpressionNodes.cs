namespace SecurityGuarantees.Expressions;

/// <summary>Walks a parsed expression: the one traversal that lint, the rule graph, what-if and authoring share.</summary>
internal static class ExpressionNodes
{
    /// <summary>Every node of a parsed expression, the root first (the parser bounds the height, so an explicit stack is enough).</summary>
    public static IEnumerable<ExprNode> All(ExprNode? root)
    {
        if (root is null)
        {
            yield break;
        }

        var pending = new Stack<ExprNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            switch (node)
            {
                case BinaryNode binary:
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case NotNode not:
                    pending.Push(not.Operand);
                    break;
                case CallNode call:
                    for (var i = call.Arguments.Count - 1; i >= 0; i--)
                    {
                        pending.Push(call.Arguments[i]);
                    }

                    break;
                case ListLiteralNode list:
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(list.Items[i]);
                    }

                    break;
            }
        }
    }
}
