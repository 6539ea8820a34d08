namespace SecurityGuarantees.Expressions;

/// <summary>
/// The expression length and depth in force for the current load. The parser is reached from many places (conditions,
/// lists, templates, lint and graph inspection); the engine builder sets the limits once around a build instead of
/// threading them through each of those calls.
/// </summary>
internal static class ExpressionLimits
{
    private static readonly AsyncLocal<(int Length, int Depth)?> Scoped = new();

    public static int MaxLength => Scoped.Value?.Length ?? InputLimits.Default.MaxExpressionLength;

    public static int MaxDepth => Scoped.Value?.Depth ?? InputLimits.Default.MaxExpressionDepth;

    /// <summary>Sets the limits until the returned scope is disposed.</summary>
    public static Scope Use(int length, int depth)
    {
        var previous = Scoped.Value;
        Scoped.Value = (length, depth);
        return new Scope(previous);
    }

    /// <summary>For re-reading expressions that a build has accepted already (lint, graph): no length limit, the depth ceiling.</summary>
    public static Scope Accepted() => Use(int.MaxValue, InputLimits.ExpressionDepthCeiling);

    public readonly struct Scope((int Length, int Depth)? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
