using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.RuleGraphs;

/// <summary>
/// Reads the expressions of an already-loaded rule for whole-rule-set analyses (lint, graph): the constants a pattern
/// requires of its fields and the names an expression refers to. The rules were type-checked at load, so parse
/// problems cannot occur here; should one, the expression is treated as saying nothing.
/// </summary>
internal static class ExpressionInspector
{
    /// <summary>Parses an expression text; <see langword="null"/> when there is none or it does not parse.</summary>
    public static ExprNode? Parse(TextSyntax? text) => text is null ? null : ParseAccepted(text.Text, text.Location);

    /// <summary>Re-reads text the build accepted, under whatever limits it was built with.</summary>
    private static ExprNode? ParseAccepted(string text, SourceLocation location)
    {
        using var limits = ExpressionLimits.Accepted();
        return ExpressionParser.Parse(text, location, new DiagnosticBag());
    }

    /// <summary>The top-level conjuncts (<c>a &amp;&amp; b &amp;&amp; c</c>) of an expression.</summary>
    public static IReadOnlyList<ExprNode> Conjuncts(ExprNode? node) => node is null ? [] : ExpressionBinder.SplitConjuncts(node);

    /// <summary>The text of a node, as written.</summary>
    public static string TextOf(string source, ExprNode node) =>
        node.Start >= 0 && node.End <= source.Length ? source[node.Start..node.End].Trim() : "";

    /// <summary>
    /// The string constants a pattern's <c>where</c> requires of <paramref name="field"/> (<c>id == "x"</c>,
    /// <c>"x" == id</c>, <c>id in ["x", "y"]</c>), or <see langword="null"/> when it does not pin the field.
    /// </summary>
    public static IReadOnlyList<string>? RequiredStrings(TextSyntax? where, string field)
    {
        IReadOnlyList<string>? result = null;
        foreach (var conjunct in Conjuncts(Parse(where)))
        {
            IReadOnlyList<string>? values = conjunct switch
            {
                BinaryNode { Operator: BinaryOperator.Equal, Left: NameNode name, Right: StringLiteralNode value } when name.Name == field => [value.Value],
                BinaryNode { Operator: BinaryOperator.Equal, Left: StringLiteralNode value, Right: NameNode name } when name.Name == field => [value.Value],
                BinaryNode { Operator: BinaryOperator.In, Left: NameNode name, Right: ListLiteralNode list } when name.Name == field
                    && list.Items.All(i => i is StringLiteralNode) => [.. list.Items.Cast<StringLiteralNode>().Select(i => i.Value)],
                _ => null,
            };
            if (values is not null)
            {
                result = result is null ? values : [.. result.Intersect(values, StringComparer.Ordinal)];
            }
        }

        return result;
    }

    /// <summary>
    /// The binding names an expression refers to: targets of <c>x.field</c> and bare names that are not fields of
    /// <paramref name="currentFact"/> (the pattern's own type, whose fields bare names mean first).
    /// </summary>
    public static void CollectNames(ExprNode? node, FactTypeDescriptor? currentFact, ISet<string> names)
    {
        foreach (var each in ExpressionNodes.All(node))
        {
            switch (each)
            {
                case NameNode name when currentFact?.FindField(name.Name) is null:
                    names.Add(name.Name);
                    break;
                case MemberAccessNode member:
                    names.Add(member.Target.Name);
                    break;
            }
        }
    }

    /// <summary>The expressions in the <c>{...}</c> holes of a template (<c>{{</c> and <c>}}</c> are literal braces).</summary>
    public static IEnumerable<ExprNode> TemplateHoles(TextSyntax? template)
    {
        if (template is null)
        {
            yield break;
        }

        var text = template.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i++;
                continue;
            }

            if (text[i] != '{')
            {
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                yield break;
            }

            var hole = text[(i + 1)..end];
            if (hole.Trim().Length > 0 && ParseAccepted(hole, template.Location) is { } node)
            {
                yield return node;
            }

            i = end;
        }
    }

    /// <summary>Whether a template has no holes, so its text is its value.</summary>
    public static bool IsLiteral(TextSyntax template) => !template.Text.Replace("{{", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal);

    /// <summary>The value of a literal template (with <c>{{</c>/<c>}}</c> unescaped).</summary>
    public static string LiteralValue(TextSyntax template) =>
        template.Text.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
}
