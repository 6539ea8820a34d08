using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expressions;

/// <summary>Parse and bind in one call, for callers that do not split conditions.</summary>
internal static class ExpressionCompilerFacade
{
    /// <summary>Parses and binds a condition (it must be true or false); null on any error, with diagnostics added.</summary>
    public static BoundExpression? TryBindCondition(string text, SourceLocation origin, BindingScope scope, DiagnosticBag diagnostics)
    {
        var map = new SourceTextMap(text, origin);
        var node = ExpressionParser.Parse(text, map, diagnostics);
        return node is null ? null : new ExpressionBinder(scope, text, map, diagnostics).BindCondition(node);
    }

    /// <summary>Parses and binds a value of any type; null on any error, with diagnostics added.</summary>
    public static BoundExpression? TryBindValue(string text, SourceLocation origin, BindingScope scope, DiagnosticBag diagnostics)
    {
        var map = new SourceTextMap(text, origin);
        var node = ExpressionParser.Parse(text, map, diagnostics);
        return node is null ? null : new ExpressionBinder(scope, text, map, diagnostics).BindValue(node);
    }
}
