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
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
