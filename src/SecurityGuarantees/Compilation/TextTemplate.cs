using System.Collections;
using System.Text;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Text with <c>{binding.field}</c> and <c>{n}</c> holes, checked at load against the rule's bindings and filled per
/// activation, culture-invariantly. <c>{{</c> and <c>}}</c> write literal braces.
/// </summary>
internal sealed class TextTemplate
{
    private readonly IReadOnlyList<object> _parts; // string or CompiledValue

    private TextTemplate(IReadOnlyList<object> parts, string source)
    {
        _parts = parts;
        Source = source;
    }

    public string Source { get; }

    public bool IsLiteral => _parts.All(p => p is string);

    /// <summary>The single hole when the template is exactly one <c>{...}</c>, so lists can be spliced.</summary>
    public CompiledValue? SingleHole => _parts is [CompiledValue value] ? value : null;

    public static TextTemplate? Compile(TextSyntax text, BindingScope scope, DiagnosticBag diagnostics)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var source = text.Text;
        var ok = true;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < source.Length && source[i + 1] == '}')
            {
                literal.Append('}');
                i++;
                continue;
            }

            if (c == '}')
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, At(text, i), "unmatched '}' in template", "write '}}' for a literal brace");
                ok = false;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = source.IndexOf('}', i + 1);
            if (end < 0)
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, At(text, i), "unclosed '{' in template", "close it with '}', or write '{{' for a literal brace");
                ok = false;
                break;
            }

            var hole = source[(i + 1)..end];
            var origin = At(text, i + 1);
            if (hole.Trim().Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, At(text, i), "empty '{}' in template", "write a binding such as {ceasefire.id}");
                ok = false;
            }
            else
            {
                var node = ExpressionParser.Parse(hole, origin, diagnostics);
                var bound = node is null ? null : new ExpressionBinder(scope, hole, origin, diagnostics).BindValue(node);
                if (bound is null)
                {
                    ok = false;
                }
                else
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(literal.ToString());
                        literal.Clear();
                    }

                    parts.Add(new CompiledValue(bound.Body, bound.Parameters));
                }
            }

            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return ok ? new TextTemplate(parts, source) : null;
    }

    public string Render(MatchValues values)
    {
        switch (_parts)
        {
            case [string only]:
                return only;
            case [CompiledValue hole]: // "{p.id}", the common subject: the value itself, no builder
                return FactValueFormatter.Format(hole.Evaluate(values));
            case [var first, var second]:
                return string.Concat(RenderPart(first, values), RenderPart(second, values));
        }

        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(RenderPart(part, values));
        }

        return builder.ToString();
    }

    private static string RenderPart(object part, MatchValues values) =>
        part as string ?? FactValueFormatter.Format(((CompiledValue)part).Evaluate(values));

    /// <summary>Renders to a list: a single hole holding a list gives its items; anything else gives one item.</summary>
    public IEnumerable<string> RenderItems(MatchValues values)
    {
        if (SingleHole is { } hole && hole.Evaluate(values) is IEnumerable items and not string)
        {
            return items.Cast<object?>().Where(x => x is not null).Select(FactValueFormatter.Format);
        }

        return [Render(values)];
    }

    private static SourceLocation At(TextSyntax text, int offset)
    {
        // Templates are short and single-line in practice; count newlines to stay exact when they are not.
        var line = text.Location.Line;
        var column = text.Location.Column;
        for (var i = 0; i < offset && i < text.Text.Length; i++)
        {
            if (text.Text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourceLocation(text.Location.File, line, column);
    }
}
