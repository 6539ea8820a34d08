using System.Linq.Expressions;
using System.Text.RegularExpressions;
using NRules.RuleModel.Builders;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// <c>let:</c> and <c>aggregate:</c>: values computed from earlier bindings or over matching facts, bound as NRules
/// binding elements. Their values travel boxed (<see cref="object"/>), whatever their type, so every lambda that reads
/// them has only reference-type parameters: shapes a native build already has code for (<see cref="NativeAotShapes"/>).
/// </summary>
internal sealed partial class RuleModelBuilder
{
    private static readonly string[] ComputeFunctions = ["count", "sum", "min", "max", "avg", "collect", "collectDistinct"];

    private void BuildLet(GroupBuilder group, LetSyntax let, DeclarationScope scope)
    {
        var values = new List<(string, LambdaExpression)>();
        foreach (var (name, value) in let.Bindings)
        {
            var valueScope = new BindingScope(null, null, scope.Visible());
            _scopes?.Add(value, valueScope, ExpressionScopeKind.Value);
            var node = ExpressionParser.Parse(value.Text, value.Location, _diagnostics);
            var bound = node is null ? null
                : new ExpressionBinder(valueScope, value.Text, value.Location, _diagnostics).BindValue(node);
            var alias = CheckAlias(name, scope, null);
            if (alias is null)
            {
                continue;
            }

            if (bound?.ClrType == typeof(object))
            {
                _diagnostics.Error(DiagnosticCodes.LetError, value.Location, $"'{name.Text}' would always be null",
                    "a let binds a value computed from earlier bindings, e.g. daysBetween(p.deadline, today.date)");
                bound = null;
            }

            if (bound is null)
            {
                scope.Add(new ScopeBinding(alias, Expression.Parameter(typeof(object), alias), null, null, Unusable: true));
                continue;
            }

            var declarationName = DeclarationName(null);
            var lambda = Expression.Lambda(Expression.Convert(bound.Body, typeof(object)), bound.Parameters);
            group.Pattern(typeof(object), declarationName).Binding().BindingExpression(lambda);
            values.Add((declarationName, lambda));
            scope.Add(new ScopeBinding(alias, Expression.Parameter(typeof(object), declarationName), null, bound.ClrType));
        }

        _rule.ElementPlans[let] = new LetPlan(values);
    }

    private void BuildAggregate(GroupBuilder group, AggregateSyntax aggregate, DeclarationScope scope)
    {
        var diagnosticsBefore = _diagnostics.Count;
        var type = ResolveType(aggregate.FactType);
        var alias = CheckAlias(aggregate.As, scope, null);
        if (type is null || alias is null)
        {
            return;
        }

        // The source pattern, filtered by 'where' (which may join earlier bindings), as count: does.
        var sourceName = DeclarationName(null);
        var sourceParameter = Expression.Parameter(type.ClrType, sourceName);
        var plans = new List<ConjunctPlan>();
        var conditions = aggregate.Where is null ? []
            : BindConditions(aggregate.Where, new BindingScope(type, sourceParameter, scope.Visible()), sourceParameter, plans);

        FactFieldDescriptor? groupField = null;
        if (aggregate.GroupBy is { } groupBy)
        {
            groupField = type.FindField(groupBy.Text);
            if (groupField is null)
            {
                _diagnostics.Error(DiagnosticCodes.UnknownField, groupBy.Location, $"unknown field '{groupBy.Text}' on {type.Name}",
                    NameSuggester.Hint(groupBy.Text, [.. type.Fields.Select(f => f.Name)]));
            }
            else if (groupField.IsList)
            {
                _diagnostics.Error(DiagnosticCodes.AggregateError, groupBy.Location, $"'groupBy' needs a single-valued field, but '{groupBy.Text}' is a list",
                    "group by a field that holds one value per fact");
                groupField = null;
            }
        }

        // Each computed value is a function of the matched facts; built over IEnumerable<T> for NRules and for why-not.
        var itemsType = typeof(IEnumerable<>).MakeGenericType(type.ClrType);
        var planItems = Expression.Parameter(itemsType, "items");
        var computed = new List<(NamedExpressionSyntax Syntax, Func<Expression, Expression> Body, Type ClrType)>();
        foreach (var compute in aggregate.Compute)
        {
            if (CheckComputeName(compute.Name, aggregate, computed.Select(c => c.Syntax.Name.Text)) && BindCompute(compute, type) is { } built)
            {
                computed.Add((compute, built.Body, built.ClrType));
            }
        }

        if (ErrorsSince(_diagnostics, diagnosticsBefore))
        {
            // Its values are not built; later uses of them are not reported again (the error is here).
            foreach (var compute in aggregate.Compute)
            {
                scope.Add(new ScopeBinding($"{alias}.{compute.Name.Text}", Expression.Parameter(typeof(object), alias), null, null, Unusable: true));
            }

            scope.Add(new ScopeBinding($"{alias}.key", Expression.Parameter(typeof(object), alias), null, null, Unusable: true));
            return;
        }

        var collectionName = DeclarationName(null);
        Type collectionType;
        Expression Items(ParameterExpression collection) => collection.Type == itemsType ? collection : Expression.Convert(collection, itemsType);
        PatternBuilder pattern;
        AggregateBuilder aggregator;
        if (groupField is null)
        {
            collectionType = itemsType;
            pattern = group.Pattern(collectionType, collectionName);
            aggregator = pattern.Aggregate();
            aggregator.Collect();
        }
        else
        {
            collectionType = typeof(IGrouping<,>).MakeGenericType(typeof(object), type.ClrType);
            pattern = group.Pattern(collectionType, collectionName);
            var item = Expression.Parameter(type.ClrType, sourceName);
            var key = Expression.Lambda(Expression.Convert(groupField.Read(item), typeof(object)), item);
            aggregator = pattern.Aggregate();
            aggregator.GroupBy(key, Expression.Lambda(item, item));
        }

        var source = aggregator.Pattern(type.ClrType, sourceName);
        TestType(source, type, sourceParameter);
        if (groupField is not null && NullableOf(groupField.ClrType) == groupField.ClrType)
        {
            // Facts without a groupBy value belong to no group (NRules' grouping cannot key on null).
            source.Condition(Expression.Lambda(Expression.NotEqual(
                Expression.Convert(groupField.Read(sourceParameter), typeof(object)), Expression.Constant(null)), sourceParameter));
        }

        foreach (var condition in conditions)
        {
            source.Condition(condition);
        }

        var collection = Expression.Parameter(collectionType, collectionName);
        _rule.BecauseDeclarations.Add(new BecauseDeclaration(collectionName, type, IsCollection: true));

        var values = new List<(string Name, string DeclarationName, LambdaExpression Value, LambdaExpression Plan)>();
        if (groupField is not null)
        {
            var keyName = DeclarationName(null);
            // Through a function, not Expression.Property(..., "Key"): a native build keeps no metadata for IGrouping's Key.
            var keyValue = Expression.Lambda(
                Expression.Call(typeof(AggregateFunctions), nameof(AggregateFunctions.GroupKey), [type.ClrType], collection), collection);
            group.Pattern(typeof(object), keyName).Binding().BindingExpression(keyValue);
            values.Add(("key", keyName, keyValue, keyValue));
            scope.Add(new ScopeBinding($"{alias}.key", Expression.Parameter(typeof(object), keyName), null, NullableOf(groupField.ScalarType)));
        }

        foreach (var (syntax, body, clrType) in computed)
        {
            var declarationName = DeclarationName(null);
            var value = Expression.Lambda(Expression.Convert(body(Items(collection)), typeof(object)), collection);
            group.Pattern(typeof(object), declarationName).Binding().BindingExpression(value);
            values.Add((syntax.Name.Text, declarationName, value, Expression.Lambda(Expression.Convert(body(planItems), typeof(object)), planItems)));
            scope.Add(new ScopeBinding($"{alias}.{syntax.Name.Text}", Expression.Parameter(typeof(object), declarationName), null, clrType));
        }

        string? havingName = null;
        LambdaExpression? havingLambda = null;
        if (aggregate.Having is { } having)
        {
            var havingScope = new BindingScope(null, null, scope.Visible());
            _scopes?.Add(having, havingScope, ExpressionScopeKind.Condition);
            var node = ExpressionParser.Parse(having.Text, having.Location, _diagnostics);
            var bound = node is null ? null
                : new ExpressionBinder(havingScope, having.Text, having.Location, _diagnostics).BindCondition(node);
            if (bound is not null)
            {
                havingName = DeclarationName(null);
                havingLambda = Expression.Lambda(Expression.Convert(bound.Body, typeof(object)), bound.Parameters);
                var havingPattern = group.Pattern(typeof(object), havingName);
                havingPattern.Binding().BindingExpression(havingLambda);
                var result = Expression.Parameter(typeof(object), havingName);
                havingPattern.Condition(Expression.Lambda(Expression.Call(ObjectEqualsMethod, result, Expression.Constant(true, typeof(object))), result));
            }
        }

        _rule.ElementPlans[aggregate] = new AggregatePlan(type, sourceName, plans, groupField, collectionName,
            [.. values.Select(v => (v.Name, v.DeclarationName, v.Plan))], havingName, havingLambda);
    }

    private static readonly System.Reflection.MethodInfo ObjectEqualsMethod =
        typeof(object).GetMethod(nameof(Equals), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static, [typeof(object), typeof(object)])!;

    private bool CheckComputeName(TextSyntax name, AggregateSyntax aggregate, IEnumerable<string> earlier)
    {
        if (!IdentifierPattern().IsMatch(name.Text) || Keywords.Contains(name.Text) || name.Text == "key")
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, name.Location, $"'{name.Text}' cannot name an aggregate value",
                name.Text == "key" ? $"'{aggregate.As.Text}.key' is the groupBy value; choose another name" : "names start with a letter and contain only letters, digits and '_'");
            return false;
        }

        if (earlier.Contains(name.Text, StringComparer.Ordinal))
        {
            _diagnostics.Error(DiagnosticCodes.DuplicateBinding, name.Location, $"'{name.Text}' is computed twice", "choose another name");
            return false;
        }

        return true;
    }

    /// <summary>
    /// One <c>compute:</c> value: <c>count()</c>, <c>count(distinct f)</c>, <c>sum(f)</c>, <c>min(f)</c>, <c>max(f)</c>,
    /// <c>avg(f)</c>, <c>collect(f)</c> or <c>collectDistinct(f)</c>, where f is an expression over the aggregated fact.
    /// Returns the value's body as a function of the items and its CLR type as expressions read it.
    /// </summary>
    private (Func<Expression, Expression> Body, Type ClrType)? BindCompute(NamedExpressionSyntax compute, FactTypeDescriptor type)
    {
        var text = compute.Value;
        var match = ComputeCall().Match(text.Text);
        if (!match.Success || !ComputeFunctions.Contains(match.Groups["f"].Value, StringComparer.Ordinal))
        {
            var written = match.Success ? match.Groups["f"].Value : text.Text.Trim();
            _diagnostics.Error(DiagnosticCodes.AggregateError, text.Location, $"'{written}' is not an aggregate function",
                (match.Success ? NameSuggester.Closest(written, ComputeFunctions) is { } closest ? $"did you mean '{closest}'? " : "" : "")
                + "compute with count(), count(distinct f), sum(f), min(f), max(f), avg(f), collect(f) or collectDistinct(f)");
            return null;
        }

        var function = match.Groups["f"].Value;
        var distinct = match.Groups["distinct"].Success;
        var argumentGroup = match.Groups["arg"];
        var argumentText = argumentGroup.Value;
        if (argumentText.Length == 0)
        {
            if (function == "count" && !distinct)
            {
                return (items => Expression.Call(typeof(AggregateFunctions), nameof(AggregateFunctions.Count), [type.ClrType], items), typeof(decimal?));
            }

            _diagnostics.Error(DiagnosticCodes.AggregateError, text.Location, $"{function} needs a field of {type.Name}", $"write e.g. {function}({type.Fields[0].Name})");
            return null;
        }

        if (distinct && function != "count")
        {
            _diagnostics.Error(DiagnosticCodes.AggregateError, text.Location, $"'distinct' goes with count only", "write count(distinct f), or collectDistinct(f)");
            return null;
        }

        // The argument is an expression over the aggregated fact alone (no other bindings): it runs per fact.
        var location = text.Location.Offset(argumentGroup.Index);
        var node = ExpressionParser.Parse(argumentText, location, _diagnostics);
        var item = Expression.Parameter(type.ClrType, "item");
        var bound = node is null ? null
            : new ExpressionBinder(new BindingScope(type, item, new Dictionary<string, ScopeBinding>()), argumentText, location, _diagnostics).BindValue(node);
        if (bound is null)
        {
            return null;
        }

        var kind = KindOfValue(bound.ClrType);
        var selector = Expression.Lambda(typeof(Func<,>).MakeGenericType(type.ClrType, typeof(object)), Expression.Convert(bound.Body, typeof(object)), item);
        string method;
        Type result;
        switch (function)
        {
            case "count":
                (method, result) = (nameof(AggregateFunctions.CountDistinct), typeof(decimal?));
                break;
            case "sum" or "avg" when kind == ValueKind.Number:
                (method, result) = (function == "sum" ? nameof(AggregateFunctions.SumOf) : nameof(AggregateFunctions.AverageOf), typeof(decimal?));
                break;
            case "min" or "max" when kind is ValueKind.Number or ValueKind.Date:
                method = (function, kind) switch
                {
                    ("min", ValueKind.Number) => nameof(AggregateFunctions.MinNumberOf),
                    ("max", ValueKind.Number) => nameof(AggregateFunctions.MaxNumberOf),
                    ("min", _) => nameof(AggregateFunctions.MinDateOf),
                    _ => nameof(AggregateFunctions.MaxDateOf),
                };
                result = kind == ValueKind.Number ? typeof(decimal?) : typeof(DateOnly?);
                break;
            case "collect" or "collectDistinct" when kind is not ValueKind.List:
                (method, result) = kind switch
                {
                    ValueKind.Number => (nameof(AggregateFunctions.CollectNumbers), typeof(decimal?[])),
                    ValueKind.Date => (nameof(AggregateFunctions.CollectDates), typeof(DateOnly?[])),
                    ValueKind.Bool => (nameof(AggregateFunctions.CollectBools), typeof(bool?[])),
                    _ => (nameof(AggregateFunctions.CollectTexts), typeof(string[])), // strings, and enums by name
                };
                break;
            default:
                var expected = function switch
                {
                    "sum" or "avg" => "a number",
                    "min" or "max" => "a number or a date",
                    _ => "a single value (not a list)",
                };
                _diagnostics.Error(DiagnosticCodes.TypeMismatch, location, $"{function} needs {expected}, but '{argumentText.Trim()}' is {DescribeValue(bound.ClrType)}",
                    function is "sum" or "avg" ? "sum and avg add numbers; count() counts facts, collect(f) lists values" : $"write {function}(field)");
                return null;
        }

        Expression[] extra = function.StartsWith("collect", StringComparison.Ordinal) ? [Expression.Constant(function == "collectDistinct")] : [];
        return (items => Expression.Call(typeof(AggregateFunctions), method, [type.ClrType], [items, selector, .. extra]), result);
    }

    private static ValueKind KindOfValue(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type != typeof(string) && EnumerableElementType(type) is not null)
        {
            return ValueKind.List;
        }

        return ExprType.OfScalar(type)?.Kind ?? ValueKind.Null;
    }

    private static string DescribeValue(Type clrType) => KindOfValue(clrType) switch
    {
        ValueKind.List => "a list",
        ValueKind.String => "a string",
        ValueKind.Bool => "a bool",
        ValueKind.Date => "a date",
        ValueKind.Enum => "an enum",
        ValueKind.Number => "a number",
        _ => "null",
    };

    private static Type NullableOf(Type type) =>
        type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    [GeneratedRegex(@"^\s*(?<f>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?:(?<distinct>distinct)\s+)?(?<arg>.*?)\s*\)\s*$", RegexOptions.Singleline)]
    private static partial Regex ComputeCall();
}
