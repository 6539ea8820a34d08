using System.Text.RegularExpressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Completion inside an expression (<c>where:</c>, <c>having:</c>, <c>each:</c>) or a template hole, given the text
/// before the cursor and the scope the binder recorded for it. Operand types come from the real parser and binder.
/// </summary>
internal static partial class ExpressionCompletion
{
    private static readonly string[] Keywords = ["and", "or", "not", "in", "true", "false", "null"];

    /// <param name="prefix">The expression's text before the cursor.</param>
    /// <param name="scope">What names mean there.</param>
    /// <param name="ids">Condition and next-step ids of the loaded rules.</param>
    public static IReadOnlyList<AuthoringCompletion> Complete(string prefix, BindingScope scope, ConclusionIds ids)
    {
        var quote = OpenQuote(prefix);
        if (quote >= 0)
        {
            return InString(prefix[..quote], scope, ids, quoted: true);
        }

        var member = MemberAccess().Match(prefix);
        if (member.Success)
        {
            var target = member.Groups[1].Value;
            if (scope.Bindings.TryGetValue(target, out var binding))
            {
                return binding.Fact is { } fact ? Fields(fact) : [];
            }

            // An aggregate's results are bound as <as>.<name> (issue 13): its names are the members.
            return [.. scope.Bindings.Values.Where(b => b.Name.StartsWith(target + ".", StringComparison.Ordinal))
                .Select(b => new AuthoringCompletion(b.Name[(target.Length + 1)..], AuthoringCompletionKind.Binding, b.ScalarType is { } t ? TypeName(t) : null))];
        }

        if (Comparison().IsMatch(prefix))
        {
            var values = InString(prefix, scope, ids, quoted: false);
            if (values.Count > 0)
            {
                return values;
            }
        }

        var items = new List<AuthoringCompletion>();
        if (scope.CurrentFact is { } current)
        {
            items.AddRange(Fields(current));
        }

        foreach (var binding in scope.Bindings.Values)
        {
            var detail = binding.Fact is { } fact ? $"{fact.Name} fact" : binding.ScalarType is { } type ? TypeName(type) : null;
            items.Add(new AuthoringCompletion(binding.Name, AuthoringCompletionKind.Binding, detail));
        }

        foreach (var function in FunctionSignature.All.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            items.Add(new AuthoringCompletion(function.Name, AuthoringCompletionKind.Function, function.Usage));
        }

        items.AddRange(Keywords.Select(k => new AuthoringCompletion(k, AuthoringCompletionKind.Keyword)));
        return items;
    }

    /// <summary>The text of the last unclosed <c>{</c> hole of a template prefix, or null outside a hole.</summary>
    public static string? TemplateHole(string prefix)
    {
        var open = -1;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == '{')
            {
                if (i + 1 < prefix.Length && prefix[i + 1] == '{' && open < 0)
                {
                    i++;
                    continue;
                }

                open = i;
            }
            else if (prefix[i] == '}')
            {
                open = -1;
            }
        }

        return open < 0 ? null : prefix[(open + 1)..];
    }

    /// <summary>The fields of a fact type, with their types.</summary>
    public static IReadOnlyList<AuthoringCompletion> Fields(FactTypeDescriptor type) =>
        [.. type.Fields.Select(f => new AuthoringCompletion(f.Name, AuthoringCompletionKind.Field, $"{FieldType(f)} — {type.Name}"))];

    /// <summary>How a field's type reads: <c>enum Stance</c>, <c>list of string</c>.</summary>
    public static string FieldType(FactFieldDescriptor field)
    {
        var scalar = field.Enum is { } values ? $"enum {values.Name}" : ExprType.OfScalar(field.ScalarType)?.ToString() ?? field.ScalarType.Name;
        return field.IsList ? $"list of {scalar}" : scalar;
    }

    /// <summary>The values that may stand in a string compared with the operand before <c>==</c>, <c>!=</c> or <c>in [</c>.</summary>
    private static IReadOnlyList<AuthoringCompletion> InString(string before, BindingScope scope, ConclusionIds ids, bool quoted)
    {
        var operand = OperandBeforeComparison().Match(before) is { Success: true } c ? c.Groups[1].Value
            : OperandBeforeIn().Match(before) is { Success: true } i ? i.Groups[1].Value : null;
        if (operand is null)
        {
            return [];
        }

        // `id ==` on a Condition or NextStep pattern (or `c.id` on a binding of one): the ids the rules derive.
        var dot = operand.IndexOf('.');
        var owner = dot < 0 ? scope.CurrentFact : scope.Bindings.GetValueOrDefault(operand[..dot])?.Fact;
        var field = dot < 0 ? operand : operand[(dot + 1)..];
        if (field == "id" && owner?.Name is "Condition" or "NextStep")
        {
            var kind = owner.Name == "Condition" ? AuthoringCompletionKind.ConditionId : AuthoringCompletionKind.NextStepId;
            var list = owner.Name == "Condition" ? ids.Conditions : ids.NextSteps;
            return [.. list.Select(id => Value(id, kind, owner.Name == "Condition" ? "condition" : "next step", quoted))];
        }

        if (EnumOf(operand, owner, field, scope) is not { } names)
        {
            return [];
        }

        return [.. names.Names.Select(n => Value(n, AuthoringCompletionKind.EnumValue, $"enum {names.Name}", quoted))];
    }

    private static AuthoringCompletion Value(string value, AuthoringCompletionKind kind, string detail, bool quoted) =>
        new(value, kind, detail, quoted ? null : $"\"{value}\"");

    /// <summary>
    /// The enum of an operand: a field read directly knows its enum (a declared enum's values are plain strings at run
    /// time); anything else is bound by the real binder in the recorded scope (a list of enums gives its element type).
    /// </summary>
    private static NameConventions.EnumNames? EnumOf(string operand, FactTypeDescriptor? owner, string field, BindingScope scope)
    {
        if (owner?.FindField(field) is { Enum: { } declared })
        {
            return declared;
        }

        return EnumTypeOf(operand, scope) is { } type ? NameConventions.GetEnumNames(type) : null;
    }

    private static Type? EnumTypeOf(string operand, BindingScope scope)
    {
        var scratch = new DiagnosticBag();
        var origin = new SourceLocation("", 1, 1);
        var node = ExpressionParser.Parse(operand, origin, scratch);
        var bound = node is null ? null : new ExpressionBinder(scope, operand, origin, scratch).BindValue(node);
        if (bound is null)
        {
            return null;
        }

        var type = bound.ClrType;
        if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            type = enumerable.GetGenericArguments()[0];
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? type : null;
    }

    private static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return ExprType.OfScalar(underlying)?.ToString() ?? underlying.Name;
    }

    /// <summary>The index of an unclosed string's opening quote, or -1.</summary>
    private static int OpenQuote(string text)
    {
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && open >= 0)
            {
                i++;
            }
            else if (text[i] == '"')
            {
                open = open < 0 ? i : -1;
            }
        }

        return open;
    }

    [GeneratedRegex(@"(?<![\w.])([A-Za-z_]\w*)\.(\w*)$")]
    private static partial Regex MemberAccess();

    [GeneratedRegex(@"(==|!=|\bin)\s*\[?\s*$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*(?:==|!=)\s*$")]
    private static partial Regex OperandBeforeComparison();

    [GeneratedRegex(@"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s+(?:not\s+)?in\s*\[[^\]]*?(?:""[^""]*""\s*,\s*)*$")]
    private static partial Regex OperandBeforeIn();
}

/// <summary>The condition and next-step ids the loaded rules derive, sorted.</summary>
internal sealed record ConclusionIds(IReadOnlyList<string> Conditions, IReadOnlyList<string> NextSteps);
