using System.Linq.Expressions;
using System.Text.RegularExpressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using SecurityGuarantees.Compilation.Indexing;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Builds the NRules rule definition of one YAML rule with <c>NRules.RuleModel.Builders</c>. A pattern's <c>where</c>
/// is split into single conjuncts, so conditions on one fact become shared alpha nodes and joins stay apart.
/// </summary>
internal sealed partial class RuleModelBuilder
{
    /// <summary>The rule property holding a rule's <see cref="RuleFiringAction"/>.</summary>
    private const string ActionProperty = "SecurityGuarantees.Action";

    private static readonly System.Reflection.MethodInfo FireMethod =
        typeof(RuleModelBuilder).GetMethod(nameof(Fire), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;

    private static readonly System.Reflection.MethodInfo FireWithValuesMethod =
        typeof(RuleModelBuilder).GetMethod(nameof(FireWithValues), System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "true", "false", "null" };

    private readonly FactTypeRegistry _types;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _declarationNames = new(StringComparer.Ordinal);
    private readonly CompiledRule _rule;
    private readonly HashSet<FactTypeDescriptor> _insertedTypes;
    private readonly List<IRuleDefinition> _helperRules = [];
    private readonly IndexPlanner? _planner;
    private readonly ExpressionScopeLog? _scopes;
    private int _hidden;
    private int _markers;

    private RuleModelBuilder(FactTypeRegistry types, DiagnosticBag diagnostics, CompiledRule rule, HashSet<FactTypeDescriptor> insertedTypes,
        IndexPlanner? planner, ExpressionScopeLog? scopes)
    {
        _planner = planner;
        _scopes = scopes;
        _types = types;
        _diagnostics = diagnostics;
        _rule = rule;
        _insertedTypes = insertedTypes;
    }

    /// <summary>
    /// Builds a rule; returns <see langword="null"/> (with diagnostics) when it has errors. With <paramref name="scopes"/>,
    /// records the scope of each expression and template there (for the authoring service).
    /// </summary>
    public static (IRuleDefinition Definition, RuleFiringAction Action, IReadOnlyList<IRuleDefinition> HelperRules)? Build(RuleSyntax syntax, string file, FactTypeRegistry types,
        DiagnosticBag diagnostics, HashSet<FactTypeDescriptor> insertedTypes, IndexPlanner? planner = null, ExpressionScopeLog? scopes = null)
    {
        var diagnosticsBefore = diagnostics.Count;
        var rule = new CompiledRule(syntax, file);
        var builder = new RuleModelBuilder(types, diagnostics, rule, insertedTypes, planner, scopes);
        var ruleBuilder = new RuleBuilder();
        ruleBuilder.Name(syntax.Id);
        ruleBuilder.Priority(syntax.Priority);
        if ((syntax.Description ?? syntax.Title) is { } description)
        {
            ruleBuilder.Description(description);
        }

        ruleBuilder.Tags(syntax.Tags);
        var scope = new DeclarationScope();
        var lhs = ruleBuilder.LeftHandSide();
        foreach (var element in TestPlacement.Order(syntax.When))
        {
            builder.BuildInto(lhs, element, scope, topLevel: true, positive: true);
        }

        var visible = new BindingScope(null, null, scope.Visible());
        var factories = syntax.Then.Select(a => builder.BuildAction(a, visible)).ToList();
        if (ErrorsSince(diagnostics, diagnosticsBefore) || factories.Any(f => f is null))
        {
            return null;
        }

        var action = new RuleFiringAction(rule, factories!);
        rule.Action = action;
        // The action that reads the match: the same tree for every rule (the rule's own action is a rule property), so a
        // large rule set compiles one delegate. PassingDeclarations swaps it for one NRules fills from the tuple once the
        // built left-hand side names the declarations; a rule with more than a delegate takes keeps it.
        ruleBuilder.Property(ActionProperty, action);
        var context = Expression.Parameter(typeof(IContext), "ctx");
        ruleBuilder.RightHandSide().Action(Expression.Lambda<Action<IContext>>(Expression.Call(FireMethod, context), context));
        try
        {
            return (PassingDeclarations(ruleBuilder.Build(), action), action, builder._helperRules);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            diagnostics.Error(DiagnosticCodes.InvalidElement, syntax.Location, $"rule '{syntax.Id}' cannot be built: {e.Message}",
                "check the bindings used across 'not:', 'exists:' and 'any:' elements");
            return null;
        }
    }

    /// <summary>Runs the <see cref="RuleFiringAction"/> of the rule that fired (the rule property <see cref="ActionProperty"/>).</summary>
    private static void Fire(IContext context) => ((RuleFiringAction)context.Rule.Properties[ActionProperty]).Execute(context);

    /// <summary>The same, with the values of the rule's declarations as NRules passed them.</summary>
    private static void FireWithValues(IContext context, object?[] values)
    {
        var action = (RuleFiringAction)context.Rule.Properties[ActionProperty];
        action.Execute(context, new MatchValues(action.DeclarationNames!, values));
    }

    /// <summary>
    /// The rule with an action that takes every declaration of its left-hand side as a parameter (typed
    /// <see cref="object"/>, so rules of one arity share a shape and a compiled delegate). NRules fills such parameters
    /// straight from the matched tuple, where <see cref="IContext.Match"/> would build an <see cref="IFactMatch"/> array on
    /// every firing (a seventh of a small evaluation's action time). A rule with more declarations than a delegate takes
    /// parameters keeps the action that reads the match.
    /// </summary>
    private static IRuleDefinition PassingDeclarations(IRuleDefinition definition, RuleFiringAction action)
    {
        var declarations = definition.LeftHandSide.Exports.ToArray();
        if (declarations.Length > MaxPassedDeclarations)
        {
            return definition;
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var parameters = declarations.Select(d => Expression.Parameter(typeof(object), d.Name)).ToArray();
        var body = Expression.Call(FireWithValuesMethod, context, Expression.NewArrayInit(typeof(object), parameters));
        action.DeclarationNames = [.. declarations.Select(d => d.Name)];
        return Element.RuleDefinition(definition.Name, definition.Description, definition.Priority, definition.Repeatability,
            definition.Tags, definition.Properties, definition.DependencyGroup, definition.LeftHandSide, definition.FilterGroup,
            Element.ActionGroup(Element.Action(Expression.Lambda(body, [context, .. parameters]))));
    }

    /// <summary><c>Action&lt;…&gt;</c> takes 16 parameters; the first is the context.</summary>
    private const int MaxPassedDeclarations = 15;

    private void BuildInto(GroupBuilder group, ElementSyntax element, DeclarationScope scope, bool topLevel, bool positive)
    {
        switch (element)
        {
            case PatternSyntax pattern:
                BuildPattern(pattern, (type, name) => group.Pattern(type, name), scope, positive);
                break;
            case AllSyntax all:
                // A conjunction inside a conjunction is the same conjunction: its bindings stay visible.
                foreach (var child in all.Elements)
                {
                    BuildInto(group, child, scope, topLevel, positive);
                }

                break;
            case NotSyntax not when IsUncorrelatedGroup(not.Element):
                BuildMarkerTest(group.Not().Pattern(typeof(GroupMarker), DeclarationName(null)), not.Element);
                break;
            case NotSyntax not:
                BuildSingle(group.Not(), not.Element, scope.Child());
                break;
            case ExistsSyntax exists when IsUncorrelatedGroup(exists.Element):
                BuildMarkerTest(group.Pattern(typeof(GroupMarker), DeclarationName(null)), exists.Element);
                break;
            case ExistsSyntax exists:
                BuildSingle(group.Exists(), exists.Element, scope.Child());
                break;
            case AnySyntax any:
                BuildAny(group, any, scope, positive);
                break;
            case EachSyntax each:
                BuildEach(group, each, scope);
                break;
            case LetSyntax let:
                BuildLet(group, let, scope);
                break;
            case AggregateSyntax aggregate:
                if (!topLevel)
                {
                    _diagnostics.Error(DiagnosticCodes.CountNotTopLevel, aggregate.Location, "'aggregate' can only be used at the top level of 'when'",
                        "move it out of 'not:', 'exists:' and 'any:'; compare its results in 'having:' or a later element");
                    break;
                }

                BuildAggregate(group, aggregate, scope);
                break;
            case CountSyntax count:
                if (!topLevel)
                {
                    _diagnostics.Error(DiagnosticCodes.CountNotTopLevel, count.Location, "'count' can only be used at the top level of 'when'",
                        "move it out of 'not:', 'exists:' and 'any:'; to test for none, use 'not:'");
                    return;
                }

                BuildCount(group, count, scope);
                break;
        }
    }

    /// <summary>
    /// Builds the group under a not:/exists:. Works around a second NRules 1.0.4 defect: when such a group ends with a
    /// pattern that has no join condition, NRules takes that pattern's alpha memory as the whole right side and drops
    /// the elements before it. So patterns go first (conjunction order does not change meaning, and patterns never
    /// depend on not:/exists:), and a group that still ends in a join-free pattern gets an always-true join to the
    /// pattern before it.
    /// </summary>
    private void BuildGroupSource(GroupBuilder group, ElementSyntax element, DeclarationScope scope)
    {
        var elements = element.Conjuncts().ToList();
        bool IsPatternLike(ElementSyntax e) => e is PatternSyntax || (e is ExistsSyntax exists && IsUncorrelatedGroup(exists.Element));
        var patternLike = elements.Where(IsPatternLike).ToList();
        var ordered = patternLike.Concat(elements.Except(patternLike)).ToList();
        BuiltPattern? previous = null;
        BuiltPattern? last = null;
        foreach (var child in ordered)
        {
            switch (child)
            {
                case PatternSyntax pattern:
                    previous = last;
                    last = BuildPattern(pattern, (type, name) => group.Pattern(type, name), scope, positive: false);
                    break;
                case ExistsSyntax exists when patternLike.Contains(child):
                    previous = last;
                    last = BuildMarkerTest(group.Pattern(typeof(GroupMarker), DeclarationName(null)), exists.Element);
                    break;
                default:
                    BuildInto(group, child, scope, topLevel: false, positive: false);
                    last = null;
                    break;
            }
        }

        if (last is { Joins: false } && previous is not null)
        {
            last.Builder.Condition(Expression.Lambda(Expression.Constant(true), last.Parameter, previous.Parameter));
        }
    }

    private void BuildSingle(NotBuilder not, ElementSyntax element, DeclarationScope scope)
    {
        if (element is PatternSyntax pattern)
        {
            BuildPattern(pattern, (type, name) => not.Pattern(type, name), scope, positive: false);
        }
        else
        {
            BuildGroupSource(not.Group(GroupType.And), element, scope);
        }
    }

    private void BuildSingle(ExistsBuilder exists, ElementSyntax element, DeclarationScope scope)
    {
        if (element is PatternSyntax pattern)
        {
            BuildPattern(pattern, (type, name) => exists.Pattern(type, name), scope, positive: false);
        }
        else
        {
            BuildGroupSource(exists.Group(GroupType.And), element, scope);
        }
    }

    /// <summary>
    /// A group (not a single pattern) under not:/exists: that binds without any earlier binding. Checked by binding it
    /// on its own into a scratch model; with errors it is treated as correlated, and the real build reports them.
    /// </summary>
    private bool IsUncorrelatedGroup(ElementSyntax element)
    {
        if (element is PatternSyntax)
        {
            return false; // a single pattern's right side is an alpha memory: NRules joins it correctly
        }

        var scratch = new DiagnosticBag();
        var probe = new RuleModelBuilder(_types, scratch, new CompiledRule(_rule.Syntax, _rule.File), [.. _insertedTypes], _planner?.Scratch(), scopes: null);
        probe.BuildInto(new GroupBuilder(), element, new DeclarationScope(), topLevel: false, positive: false);
        return !scratch.HasErrors;
    }

    /// <summary>Builds the hidden rule of an uncorrelated group and makes <paramref name="pattern"/> test its marker.</summary>
    private BuiltPattern BuildMarkerTest(PatternBuilder pattern, ElementSyntax element)
    {
        var key = $"{_rule.Id}#{++_markers}";
        pattern.Condition(GroupMarkerRule.Condition(key, pattern.Declaration.Name));
        var helper = GroupMarkerRule.CreateBuilder(key);
        var exists = helper.LeftHandSide().Exists();
        BuildSingle(exists, element, new DeclarationScope());
        _helperRules.Add(helper.Build());
        return new BuiltPattern(pattern, Expression.Parameter(typeof(GroupMarker), pattern.Declaration.Name), Joins: false);
    }

    private BuiltPattern? BuildPattern(PatternSyntax pattern, Func<Type, string, PatternBuilder> create, DeclarationScope scope, bool positive)
    {
        var type = ResolveType(pattern.FactType);
        if (type is null)
        {
            return null;
        }

        var alias = pattern.As is null ? null : CheckAlias(pattern.As, scope, type);
        var declarationName = DeclarationName(alias);
        var builder = create(type.ClrType, declarationName);
        var parameter = Expression.Parameter(type.ClrType, declarationName);
        var joins = false;
        var plans = new List<ConjunctPlan>();
        IReadOnlyList<LambdaExpression> conjuncts = [];
        if (pattern.Where is null)
        {
            TestType(builder, type, parameter);
        }
        else
        {
            var conditions = BindConditions(pattern.Where, new BindingScope(type, parameter, scope.Visible()), parameter, plans);
            conjuncts = conditions;
            if (_planner?.Plan(type, parameter, conditions) is { } indexed)
            {
                // A lookup reads one declared type's bucket: no type test needed.
                BuildIndexedSource(builder, parameter, conditions, indexed);
                joins = true;
            }
            else
            {
                TestType(builder, type, parameter);
                foreach (var condition in conditions)
                {
                    builder.Condition(condition);
                    joins |= condition.Parameters.Count > 1;
                }
            }
        }

        _rule.ElementPlans[pattern] = new PatternPlan(type, declarationName, plans);
        if (positive)
        {
            _rule.PositivePatterns.Add((declarationName, type, conjuncts));
        }

        if (alias is not null)
        {
            scope.Add(new ScopeBinding(alias, parameter, type, null));
        }

        // Alternatives of any: share one declaration per name; it is listed once.
        if (positive && _rule.BecauseDeclarations.TrueForAll(d => d.DeclarationName != declarationName))
        {
            _rule.BecauseDeclarations.Add(new BecauseDeclaration(declarationName, type, IsCollection: false));
        }

        return new BuiltPattern(builder, parameter, joins);
    }

    /// <summary>
    /// Compiles an indexed equi-join: the pattern's source is an <see cref="IndexLookupAggregatorFactory"/> aggregate over
    /// the index's <see cref="IndexHolder"/>, keyed by the join's earlier side; the other conjuncts filter the bucket. The
    /// pattern itself has no conditions, so NRules joins the left tuples with the one holder fact (1 × n), not with every
    /// fact of the type (n × m), and each left tuple reads one bucket.
    /// </summary>
    private void BuildIndexedSource(PatternBuilder builder, ParameterExpression own, List<LambdaExpression> conditions, IndexedJoin indexed)
    {
        var holderName = DeclarationName(null);
        var holder = Expression.Parameter(typeof(IndexHolder), holderName);
        var expressions = new List<KeyValuePair<string, LambdaExpression>>
        {
            new(IndexLookupAggregatorFactory.KeyName, indexed.Key),
        };
        var rest = conditions.Where((_, i) => i != indexed.Conjunct).ToList();
        var testType = typeof(Func<,>).MakeGenericType(own.Type, typeof(bool));
        Expression test = rest.Count == 0
            ? Expression.Constant(null, testType)
            : Expression.Lambda(testType, rest.Select(c => c.Body).Aggregate(Expression.AndAlso), own);
        var items = Expression.Call(typeof(IndexHolder), nameof(IndexHolder.Match), [own.Type], holder, indexed.Key.Body, test);
        var outer = rest.SelectMany(c => c.Parameters).Concat(indexed.Key.Parameters).Where(p => p != own).Distinct().Prepend(holder).ToList();
        expressions.Add(new(IndexLookupAggregatorFactory.ItemsName, Expression.Lambda(items, outer)));

        var aggregate = builder.Aggregate();
        aggregate.Aggregator(IndexLookupAggregatorFactory.Name, expressions, typeof(IndexLookupAggregatorFactory));
        var source = aggregate.Pattern(typeof(IndexHolder), holderName);
        source.Condition(Expression.Lambda(
            Expression.Equal(Expression.Property(holder, nameof(IndexHolder.Index)), Expression.Constant(indexed.Index.Id)), holder));
    }

    /// <summary>A pattern of a declared type first tests the type: declared types share one CLR class.</summary>
    private static void TestType(PatternBuilder builder, FactTypeDescriptor type, ParameterExpression parameter)
    {
        if (type.TypeTest(parameter) is { } test)
        {
            builder.Condition(test);
        }
    }

    private sealed record BuiltPattern(PatternBuilder Builder, ParameterExpression Parameter, bool Joins);

    private void BuildAny(GroupBuilder group, AnySyntax any, DeclarationScope scope, bool positive)
    {
        var or = group.Group(GroupType.Or);
        var alternatives = new List<DeclarationScope>();
        foreach (var alternative in any.Alternatives)
        {
            var alternativeScope = scope.Child();
            BuildInto(or.Group(GroupType.And), alternative, alternativeScope, topLevel: false, positive);
            alternatives.Add(alternativeScope);
        }

        if (alternatives.Count == 0)
        {
            return;
        }

        // A binding is visible after any: only if every alternative binds it, with the same type and declaration.
        foreach (var binding in alternatives[0].Own)
        {
            var others = alternatives.Skip(1).Select(a => a.Own.FirstOrDefault(b => b.Name == binding.Name)).ToList();
            if (others.All(o => o is not null && o.Parameter.Type == binding.Parameter.Type && o.Parameter.Name == binding.Parameter.Name))
            {
                scope.Add(binding);
            }
            else if (others.Any(o => o is not null && o.Parameter.Type != binding.Parameter.Type))
            {
                _diagnostics.Error(DiagnosticCodes.AnyBindingMismatch, any.Location,
                    $"'{binding.Name}' is bound to different types in the alternatives of 'any'",
                    "bind the same fact type under the same name in every alternative, or use different names");
            }
        }
    }

    private void BuildEach(GroupBuilder group, EachSyntax each, DeclarationScope scope)
    {
        var listScope = new BindingScope(null, null, scope.Visible());
        _scopes?.Add(each.List, listScope, ExpressionScopeKind.Value);
        var node = ExpressionParser.Parse(each.List.Text, each.List.Location, _diagnostics);
        var bound = node is null ? null : new ExpressionBinder(listScope, each.List.Text, each.List.Location, _diagnostics).BindValue(node);
        if (bound is null)
        {
            return;
        }

        var elementType = EnumerableElementType(bound.ClrType);
        if (elementType is null || bound.ClrType == typeof(string))
        {
            _diagnostics.Error(DiagnosticCodes.TypeMismatch, each.List.Location, $"'each' needs a list, but '{each.List.Text}' is not a list",
                "name a list field, e.g. each: p.proposedBy");
            return;
        }

        var alias = CheckAlias(each.As, scope, null);
        if (alias is null)
        {
            return;
        }

        var declarationName = DeclarationName(alias);
        var enumerableType = typeof(IEnumerable<>).MakeGenericType(elementType);
        var pattern = group.Pattern(elementType, declarationName);
        var body = bound.Body.Type == enumerableType ? bound.Body : Expression.Convert(bound.Body, enumerableType);
        var list = Expression.Coalesce(body, Expression.Constant(Array.CreateInstance(elementType, 0), enumerableType));
        var listLambda = Expression.Lambda(list, bound.Parameters);

        // The items are aggregated over the session's one EachSource fact (EachItemsAggregator), not flattened from a
        // binding sub-network, which NRules re-reads whole for every new left tuple.
        var sourceName = DeclarationName(null);
        var source = Expression.Parameter(typeof(EachSource), sourceName);
        var aggregate = pattern.Aggregate();
        aggregate.Aggregator(EachItemsAggregatorFactory.Name,
            [new(EachItemsAggregatorFactory.ItemsName, Expression.Lambda(list, [source, .. bound.Parameters]))],
            typeof(EachItemsAggregatorFactory));
        aggregate.Pattern(typeof(EachSource), sourceName);
        _rule.ElementPlans[each] = new EachPlan(listLambda, declarationName);
        scope.Add(new ScopeBinding(alias, Expression.Parameter(elementType, declarationName), null, elementType));
    }

    private void BuildCount(GroupBuilder group, CountSyntax count, DeclarationScope scope)
    {
        var type = ResolveType(count.FactType);
        if (type is null)
        {
            return;
        }

        var collectionType = typeof(IEnumerable<>).MakeGenericType(type.ClrType);
        var collectionName = DeclarationName(null);
        var pattern = group.Pattern(collectionType, collectionName);
        var aggregate = pattern.Aggregate();
        aggregate.Collect();
        var sourceName = DeclarationName(null);
        var source = aggregate.Pattern(type.ClrType, sourceName);
        var sourceParameter = Expression.Parameter(type.ClrType, sourceName);
        TestType(source, type, sourceParameter);
        var plans = new List<ConjunctPlan>();
        FactFieldDescriptor? distinctField = null;
        if (count.Where is not null)
        {
            foreach (var condition in BindConditions(count.Where, new BindingScope(type, sourceParameter, scope.Visible()), sourceParameter, plans))
            {
                source.Condition(condition);
            }
        }

        var collection = Expression.Parameter(collectionType, collectionName);
        Expression counted;
        if (count.Distinct is not null)
        {
            var field = type.FindField(count.Distinct.Text);
            if (field is null)
            {
                _diagnostics.Error(DiagnosticCodes.UnknownField, count.Distinct.Location, $"unknown field '{count.Distinct.Text}' on {type.Name}",
                    NameSuggester.Hint(count.Distinct.Text, type.Fields.Select(f => f.Name).ToList()));
                return;
            }

            distinctField = field;
            var item = Expression.Parameter(type.ClrType, "x");
            var selector = Expression.Lambda(typeof(Func<,>).MakeGenericType(type.ClrType, typeof(object)),
                Expression.Convert(field.Read(item), typeof(object)), item);
            counted = Expression.Call(typeof(AggregateFunctions), nameof(AggregateFunctions.CountDistinct), [type.ClrType], collection, selector);
        }
        else
        {
            counted = Expression.Call(typeof(AggregateFunctions), nameof(AggregateFunctions.Count), [type.ClrType], collection);
        }

        if (count.AtLeast is { } atLeast)
        {
            pattern.Condition(Expression.Lambda(Expression.GreaterThanOrEqual(counted, Expression.Constant((decimal?)atLeast, typeof(decimal?))), collection));
        }

        _rule.BecauseDeclarations.Add(new BecauseDeclaration(collectionName, type, IsCollection: true));
        _rule.ElementPlans[count] = new CountPlan(type, sourceName, plans, distinctField, count.AtLeast, collectionName, null, []);
        if (count.As is null && count.Having is null)
        {
            return;
        }

        var alias = count.As is null ? "n" : CheckAlias(count.As, scope, null);
        if (alias is null)
        {
            return;
        }

        var numberName = DeclarationName(alias);
        var numberPattern = group.Pattern(typeof(decimal?), numberName);
        numberPattern.Binding().BindingExpression(Expression.Lambda(counted, collection));
        var number = Expression.Parameter(typeof(decimal?), numberName);
        var binding = new ScopeBinding(alias, number, null, typeof(decimal?));
        var havingPlans = new List<ConjunctPlan>();
        if (count.Having is not null)
        {
            var havingScope = scope.Child();
            havingScope.Add(binding);
            foreach (var condition in BindConditions(count.Having, new BindingScope(null, null, havingScope.Visible()), number, havingPlans))
            {
                numberPattern.Condition(condition);
            }
        }

        _rule.ElementPlans[count] = new CountPlan(type, sourceName, plans, distinctField, count.AtLeast, collectionName, numberName, havingPlans);

        scope.Add(binding);
    }

    /// <summary>
    /// Binds each top-level conjunct of a condition separately; each must involve the pattern's own parameter. Each
    /// bound conjunct is also added to <paramref name="plans"/> with its text, for why-not.
    /// </summary>
    private List<LambdaExpression> BindConditions(TextSyntax text, BindingScope bindingScope, ParameterExpression own, List<ConjunctPlan> plans)
    {
        var result = new List<LambdaExpression>();
        _scopes?.Add(text, bindingScope, ExpressionScopeKind.Condition);
        var node = ExpressionParser.Parse(text.Text, text.Location, _diagnostics);
        if (node is null)
        {
            return result;
        }

        var binder = new ExpressionBinder(bindingScope, text.Text, text.Location, _diagnostics);
        foreach (var conjunct in ExpressionBinder.SplitConjuncts(node))
        {
            var bound = binder.BindCondition(conjunct);
            if (bound is null)
            {
                continue;
            }

            var parameters = bound.Parameters.Contains(own) ? bound.Parameters : [own, .. bound.Parameters];
            var lambda = Expression.Lambda(bound.Body, parameters);
            result.Add(lambda);
            plans.Add(new ConjunctPlan(lambda, text.Text.Substring(conjunct.Start, conjunct.Length), new SourceTextMap(text.Text, text.Location).Locate(conjunct.Start)));
        }

        return result;
    }

    private FactTypeDescriptor? ResolveType(TextSyntax name)
    {
        var type = _types.Find(name.Text);
        if (type is null)
        {
            _diagnostics.Error(DiagnosticCodes.UnknownFactType, name.Location, $"unknown fact type '{name.Text}'",
                NameSuggester.Hint(name.Text, _types.Names.ToList()));
        }

        return type;
    }

    private string? CheckAlias(TextSyntax alias, DeclarationScope scope, FactTypeDescriptor? type)
    {
        var name = alias.Text;
        if (!IdentifierPattern().IsMatch(name) || Keywords.Contains(name))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, alias.Location, $"'{name}' cannot be a binding name",
                "binding names start with a letter and contain only letters, digits and '_' (and are not and/or/not/in/true/false/null)");
            return null;
        }

        if (type?.FindField(name) is not null)
        {
            _diagnostics.Error(DiagnosticCodes.BindingShadowsField, alias.Location, $"binding '{name}' has the name of a field of {type.Name}",
                $"inside this pattern '{name}' would mean the field; choose another name, e.g. '{name}Fact'");
            return null;
        }

        if (scope.Find(name) is not null)
        {
            _diagnostics.Error(DiagnosticCodes.DuplicateBinding, alias.Location, $"'{name}' is already bound in this rule", "choose another name");
            return null;
        }

        return name;
    }

    /// <summary>
    /// The NRules declaration name. Author names are kept where unique so that alternatives of any: that bind the same
    /// name share one declaration; hidden ones get a name authors cannot write.
    /// </summary>
    private string DeclarationName(string? alias)
    {
        if (alias is not null && _declarationNames.Add(alias))
        {
            return alias;
        }

        if (alias is not null)
        {
            return alias; // the same name in another alternative of any: (checked by CheckAlias otherwise)
        }

        string name;
        do
        {
            name = $"_{++_hidden}";
        }
        while (!_declarationNames.Add(name));
        return name;
    }

    private static Type? EnumerableElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    /// <summary>Whether an error was added since the bag held <paramref name="count"/> items (the bag only grows): per rule, without rescanning every earlier diagnostic.</summary>
    private static bool ErrorsSince(DiagnosticBag diagnostics, int count)
    {
        for (var i = count; i < diagnostics.Count; i++)
        {
            if (diagnostics.Items[i].Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}
