using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

/// <summary>Where the recorded conditions of a rule file read a field of a fact type (<c>x.field</c> or a bare field of the pattern's type).</summary>
internal static class FieldReadFinder
{
    public static IEnumerable<SourceLocation> Reads(RuleFileAnalysis analysis, FactTypeDescriptor type, string field)
    {
        foreach (var entry in analysis.Scopes.Entries.Where(e => e.Kind != ExpressionScopeKind.Template))
        {
            var scratch = new DiagnosticBag();
            var node = ExpressionParser.Parse(entry.Text.Text, entry.Text.Location, scratch);
            if (node is null)
            {
                continue;
            }

            var map = new SourceTextMap(entry.Text.Text, entry.Text.Location);
            foreach (var read in Nodes(node))
            {
                var hit = read switch
                {
                    MemberAccessNode member => member.Member.Name == field
                        && entry.Scope.Bindings.TryGetValue(member.Target.Name, out var binding) && binding.Fact == type ? member.Member : null,
                    NameNode name => name.Name == field && entry.Scope.CurrentFact == type ? name : null,
                    _ => null,
                };
                if (hit is not null)
                {
                    yield return map.Locate(hit.Start);
                }
            }
        }
    }

    /// <summary>Every node of a parsed expression (the parser bounds the height, so an explicit stack is enough).</summary>
    public static IEnumerable<ExprNode> Nodes(ExprNode root)
    {
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
                    foreach (var argument in call.Arguments)
                    {
                        pending.Push(argument);
                    }

                    break;
                case ListLiteralNode list:
                    foreach (var item in list.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }
}
