namespace SecurityGuarantees.Expressions;

/// <summary>A built-in function as authors see it: its name, how many arguments it takes and how it is written.</summary>
internal sealed record FunctionSignature(string Name, int Arity, string Usage)
{
    /// <summary>The only callable functions; nothing else in .NET is reachable from an expression.</summary>
    public static readonly IReadOnlyDictionary<string, FunctionSignature> All = new[]
    {
        new FunctionSignature("count", 1, "count(list)"),
        new FunctionSignature("contains", 2, "contains(list, x)"),
        new FunctionSignature("any", 1, "any(list)"),
        new FunctionSignature("startsWith", 2, "startsWith(s, prefix)"),
        new FunctionSignature("endsWith", 2, "endsWith(s, suffix)"),
        new FunctionSignature("lower", 1, "lower(s)"),
        new FunctionSignature("daysBetween", 2, "daysBetween(from, to)"),
        new FunctionSignature("sum", 1, "sum(list)"),
        new FunctionSignature("min", 1, "min(list)"),
        new FunctionSignature("max", 1, "max(list)"),
        new FunctionSignature("abs", 1, "abs(x)"),
        new FunctionSignature("round", 2, "round(x, digits)"),
        new FunctionSignature("upper", 1, "upper(s)"),
        new FunctionSignature("trim", 1, "trim(s)"),
        new FunctionSignature("length", 1, "length(s)"),
        new FunctionSignature("addDays", 2, "addDays(date, n)"),
        new FunctionSignature("matches", 2, "matches(s, \"pattern\")"),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
