using System.Linq.Expressions;
using System.Text.RegularExpressions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Completion in a <c>compute:</c> value of an <c>aggregate:</c>: the aggregate functions with their signatures, and
/// inside a function's parentheses an expression over the aggregated fact alone (its fields, the expression functions;
/// <c>distinct</c> after <c>count(</c>). The rule builder does not record a scope for these (they bind against the
/// aggregated type only), so the type is read from the element's <c>aggregate:</c> key.
/// </summary>
internal static partial class ComputeCompletion
{
    /// <param name="lines">The document.</param>
    /// <param name="context">A value position whose enclosing key is <c>compute</c>.</param>
    /// <param name="types">The fact types.</param>
    /// <param name="ids">Condition and next-step ids, for <c>id ==</c> inside an argument.</param>
    public static IReadOnlyList<AuthoringCompletion> Complete(SourceLines lines, YamlContext context, FactTypeRegistry types, ConclusionIds ids)
    {
        var call = Call().Match(context.ValuePrefix);
        if (!call.Success || Closes(call.Groups["arg"].Value))
        {
            return FunctionName().IsMatch(context.ValuePrefix)
                ? [.. FileFormat.ComputeFunctions.Select(f => new AuthoringCompletion(f.Name, AuthoringCompletionKind.Function, f.Signature))]
                : [];
        }

        if (AggregatedType(lines, context, types) is not { } type)
        {
            return [];
        }

        var argument = call.Groups["arg"].Value;
        var distinct = Distinct().Match(argument);
        var scope = new BindingScope(type, Expression.Parameter(type.ClrType, "item"), new Dictionary<string, ScopeBinding>());
        var items = ExpressionCompletion.Complete(distinct.Success ? argument[distinct.Length..] : argument, scope, ids);
        return call.Groups["f"].Value == "count" && !distinct.Success && argument.Trim().All(char.IsAsciiLetter)
            ? [new AuthoringCompletion("distinct", AuthoringCompletionKind.Keyword, "count(distinct f): distinct non-null values of f"), .. items]
            : items;
    }

    /// <summary>Whether the text closes the call's parenthesis (the cursor is past the function's argument).</summary>
    private static bool Closes(string argument)
    {
        var depth = 1;
        foreach (var c in argument)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type named by <c>aggregate:</c> in the mapping that holds the <c>compute:</c> key.</summary>
    public static FactTypeDescriptor? AggregatedType(SourceLines lines, YamlContext context, FactTypeRegistry types)
    {
        var computeLine = context.PathLines[^1];
        var key = ComputeKey().Match(lines[computeLine]);
        if (!key.Success)
        {
            return null;
        }

        var element = YamlOutline.At(lines, new TextPosition(computeLine, key.Index + key.Length + 1));
        return ElementType(element, types, "aggregate");
    }

    /// <summary>The type named by <paramref name="kind"/> (<c>aggregate</c>, <c>count</c>) among a mapping's keys.</summary>
    public static FactTypeDescriptor? ElementType(YamlContext element, FactTypeRegistry types, string kind) =>
        element.Values.TryGetValue(kind, out var name) ? types.Find(TypeName().Match(name).Value) : null;

    /// <summary>A function name being typed (or nothing yet).</summary>
    [GeneratedRegex(@"^\s*\w*$")]
    private static partial Regex FunctionName();

    /// <summary>Inside a function's unclosed parentheses.</summary>
    [GeneratedRegex(@"^\s*(?<f>\w+)\s*\((?<arg>.*)$")]
    private static partial Regex Call();

    [GeneratedRegex(@"^\s*distinct\s+")]
    private static partial Regex Distinct();

    [GeneratedRegex(@"\bcompute\s*:")]
    private static partial Regex ComputeKey();

    [GeneratedRegex(@"^[\w.]*")]
    private static partial Regex TypeName();
}
