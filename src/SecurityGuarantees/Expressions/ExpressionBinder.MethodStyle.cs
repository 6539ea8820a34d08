using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expressions;

/// <summary>C#-style calls and properties (<c>x.StartsWith("a")</c>, <c>x.Count</c>): SG0221 naming the function to write.</summary>
internal sealed partial class ExpressionBinder
{
    /// <summary>C# member names (lower-cased) and the function of the language that does the same.</summary>
    private static readonly IReadOnlyDictionary<string, string> CSharpMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["startswith"] = "startsWith",
        ["endswith"] = "endsWith",
        ["contains"] = "contains",
        ["tolower"] = "lower",
        ["tolowerinvariant"] = "lower",
        ["toupper"] = "upper",
        ["toupperinvariant"] = "upper",
        ["trim"] = "trim",
        ["length"] = "length",
        ["count"] = "count",
        ["any"] = "any",
        ["sum"] = "sum",
        ["min"] = "min",
        ["max"] = "max",
        ["abs"] = "abs",
        ["round"] = "round",
        ["adddays"] = "addDays",
        ["ismatch"] = "matches",
    };

    private TypedExpression? ReportMethodStyle(MethodStyleNode node)
    {
        var member = node.Path[^1];
        var target = node.Path[0].Name == "Math" && node.Path.Count == 2 ? null : string.Join('.', node.Path.Take(node.Path.Count - 1).Select(n => n.Name));
        var written = _text.Substring(node.Start, node.Length);
        Error(DiagnosticCodes.MethodCallSyntax, member.Start, $"'{written}' is C# syntax; expressions call functions, not methods or properties",
            Suggestion(member.Name, target, node.Arguments));
        return null;
    }

    /// <summary>The function call to write for <c>target.member(arguments)</c>, or the list of functions when there is none.</summary>
    private string Suggestion(string member, string? target, IReadOnlyList<ExprNode>? arguments)
    {
        if (!CSharpMembers.TryGetValue(member.ToLowerInvariant(), out var function))
        {
            return $"the functions are {string.Join(", ", FunctionSignature.All.Values.Select(f => f.Usage))}";
        }

        // A string's Length is length(s); a list's Count or Length is count(list); "s.Contains" has no substring function.
        if (function == "length" && target is not null && IsListName(target))
        {
            function = "count";
        }

        List<string> parts = [];
        if (target is not null)
        {
            parts.Add(target);
        }

        parts.AddRange((arguments ?? []).Select(a => _text.Substring(a.Start, a.Length)));
        var call = $"{function}({string.Join(", ", parts)})";
        var hint = $"write {call}";
        if (function == "contains" && target is not null && !IsListName(target))
        {
            hint += " if it is a list; for text use matches(s, \"pattern\") or startsWith/endsWith";
        }

        return hint;
    }

    /// <summary>Whether a written target (<c>x</c> or <c>x.field</c>) names a list field in this scope.</summary>
    private bool IsListName(string target)
    {
        var parts = target.Split('.');
        if (parts.Length == 1)
        {
            return _scope.CurrentFact?.FindField(parts[0]) is { IsList: true }
                || (_scope.Bindings.TryGetValue(parts[0], out var scalar) && scalar.ScalarType is { } type && type != typeof(string)
                    && ListElementType(type) is not null);
        }

        return parts.Length == 2 && _scope.Bindings.TryGetValue(parts[0], out var binding) && binding.Fact?.FindField(parts[1]) is { IsList: true };
    }

    /// <summary>The function of the language a C# member name stands for, if any.</summary>
    private static FunctionSignature? FunctionFor(string member) =>
        CSharpMembers.TryGetValue(member.ToLowerInvariant(), out var function) ? FunctionSignature.All[function] : null;

    /// <summary>For <c>x.Count</c> where <c>x</c> is a field or a fact: the C# member's function, if it names one.</summary>
    private string? MemberHint(string target, string member) =>
        CSharpMembers.ContainsKey(member.ToLowerInvariant()) ? Suggestion(member, target, null) : null;
}
