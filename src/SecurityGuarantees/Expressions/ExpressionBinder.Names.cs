using System.Linq.Expressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>Names: fields of the current fact, scalar bindings and <c>x.field</c> on fact bindings.</summary>
internal sealed partial class ExpressionBinder
{
    private TypedExpression? BindName(NameNode node)
    {
        if (_scope.CurrentFact?.FindField(node.Name) is { } field)
        {
            return ReadField(_scope.CurrentParameter!, field);
        }

        if (_scope.Bindings.TryGetValue(node.Name, out var binding))
        {
            if (binding.Fact is { } fact)
            {
                var example = fact.Fields.Count > 0 ? fact.Fields[0].Name : "field";
                Error(
                    DiagnosticCodes.TypeMismatch,
                    node.Start,
                    $"'{node.Name}' is {ExprType.WithArticle(fact.Name)} fact, not a value",
                    $"use one of its fields, e.g. {node.Name}.{example}");
                return null;
            }

            return ReadScalarBinding(binding, node);
        }

        ReportUnknownName(node);
        return null;
    }

    private void ReportUnknownName(NameNode node)
    {
        var fields = _scope.CurrentFact?.Fields.Select(f => f.Name).ToList() ?? [];
        List<string> candidates = [.. fields, .. _scope.Bindings.Values.Where(b => !b.IsFact).Select(b => b.Name)];
        var closest = NameSuggester.Closest(node.Name, candidates);
        var hint = FunctionSignature.All.TryGetValue(node.Name, out var function)
            ? $"'{node.Name}' is a function: write {function.Usage}"
            : candidates.Count > 0 ? NameSuggester.Hint(node.Name, candidates) : null;

        // Without a close binding name, a bare name on a filtered fact is most likely a misspelt field.
        if (_scope.CurrentFact is { } fact && (closest is null || fields.Contains(closest)))
        {
            Error(DiagnosticCodes.UnknownField, node.Start, $"unknown field '{node.Name}' on {fact.Name}", hint);
        }
        else
        {
            Error(DiagnosticCodes.UnknownName, node.Start, $"unknown name '{node.Name}'", hint);
        }
    }

    private TypedExpression? BindMember(MemberAccessNode node)
    {
        var target = node.Target.Name;
        if (_scope.Bindings.TryGetValue($"{target}.{node.Member.Name}", out var computed))
        {
            return ReadScalarBinding(computed, node.Member); // an aggregate's value, e.g. pledge.troops
        }

        if (_scope.Bindings.Keys.Any(k => k.StartsWith(target + ".", StringComparison.Ordinal)))
        {
            var values = _scope.Bindings.Keys.Where(k => k.StartsWith(target + ".", StringComparison.Ordinal)).Select(k => k[(target.Length + 1)..]).ToList();
            Error(DiagnosticCodes.UnknownField, node.Member.Start, $"'{target}' has no value '{node.Member.Name}'", NameSuggester.Hint(node.Member.Name, values));
            return null;
        }
        if (_scope.Bindings.TryGetValue(target, out var binding))
        {
            if (binding.Fact is not { } fact)
            {
                if (MemberHint(target, node.Member.Name) is { } call)
                {
                    Error(DiagnosticCodes.MethodCallSyntax, node.Member.Start,
                        $"'{target}.{node.Member.Name}' is C# syntax; expressions call functions, not methods or properties", call);
                    return null;
                }

                Error(DiagnosticCodes.TypeMismatch, node.Target.Start, $"'{target}' is not a fact, so it has no fields", "only names bound to facts have fields");
                return null;
            }

            if (fact.FindField(node.Member.Name) is not { } field)
            {
                Error(
                    DiagnosticCodes.UnknownField,
                    node.Member.Start,
                    $"unknown field '{node.Member.Name}' on {fact.Name}",
                    FunctionFor(node.Member.Name) is { } function
                        ? $"expressions call functions, not members: {function.Usage}"
                        : NameSuggester.Hint(node.Member.Name, [.. fact.Fields.Select(f => f.Name)]));
                return null;
            }

            return ReadField(binding.Parameter, field);
        }

        if (_scope.CurrentFact is { } current && current.FindField(target) is not null)
        {
            if (MemberHint(target, node.Member.Name) is { } call)
            {
                Error(DiagnosticCodes.MethodCallSyntax, node.Member.Start,
                    $"'{target}.{node.Member.Name}' is C# syntax; expressions call functions, not methods or properties", call);
                return null;
            }

            Error(DiagnosticCodes.TypeMismatch, node.Target.Start, $"'{target}' is a field of {current.Name}, not a fact, so it has no fields");
            return null;
        }

        List<string> facts = [.. _scope.Bindings.Values.Where(b => b.IsFact).Select(b => b.Name)];
        Error(DiagnosticCodes.UnknownName, node.Target.Start, $"unknown name '{target}'", facts.Count > 0 ? NameSuggester.Hint(target, facts) : null);
        return null;
    }

    private TypedExpression ReadField(ParameterExpression parameter, FactFieldDescriptor field)
    {
        MarkUsed(parameter);
        var access = field.Read(parameter);
        var type = ExprType.Of(field);
        return field.IsList ? new TypedExpression(access, type) : Canonical(access, type);
    }

    private TypedExpression? ReadScalarBinding(ScopeBinding binding, NameNode node)
    {
        if (binding.Unusable)
        {
            return null;
        }

        var parameter = binding.Parameter;
        var type = binding.ScalarType ?? parameter.Type; // let and aggregate values travel boxed
        ExprType? exprType;
        if (type != typeof(string) && ListElementType(type) is { } element)
        {
            exprType = ExprType.OfScalar(Nullable.GetUnderlyingType(element) ?? element) is { } scalar ? ExprType.ListOf(scalar) : null;
        }
        else
        {
            exprType = ExprType.OfScalar(Nullable.GetUnderlyingType(type) ?? type);
        }

        if (exprType is null)
        {
            Error(DiagnosticCodes.TypeMismatch, node.Start, $"'{binding.Name}' has type {type.Name}, which expressions cannot use");
            return null;
        }

        MarkUsed(parameter);
        Expression value = parameter.Type == type ? parameter : Expression.Convert(parameter, type);
        return exprType.Kind == ValueKind.List ? new TypedExpression(value, exprType) : Canonical(value, exprType);
    }

    /// <summary>Converts a field or binding to its canonical CLR type: every number <c>decimal?</c>, every date <c>DateOnly?</c>.</summary>
    private static TypedExpression Canonical(Expression value, ExprType type)
    {
        if (type.Kind == ValueKind.Number && value.Type != typeof(decimal?))
        {
            var underlying = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
            value = underlying == typeof(double)
                ? Expression.Call(FromDoubleMethod, value.Type == typeof(double?) ? value : Expression.Convert(value, typeof(double?)))
                : Expression.Convert(value, typeof(decimal?));
        }
        else if (type.Kind == ValueKind.Date && value.Type != typeof(DateOnly?))
        {
            value = Expression.Convert(value, typeof(DateOnly?));
        }

        return new TypedExpression(value, type);
    }

    /// <summary>The element type of an array or <see cref="IEnumerable{T}"/>, or null.</summary>
    private static Type? ListElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return type.GetGenericArguments()[0];
        }

        return type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }
}
