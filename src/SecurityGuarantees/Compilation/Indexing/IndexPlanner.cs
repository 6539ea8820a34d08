using System.Linq.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// Decides which pattern conjuncts become indexed equi-joins and collects the indexes a session keeps. A conjunct
/// <c>field == expr</c> (either order) is indexed when <c>field</c> is a scalar field of the pattern's own fact, <c>expr</c>
/// reads earlier bindings only (at least one), both sides have one type with value equality (string, decimal, date,
/// bool, integer, enum, nullable or not), and the pattern's type is a scenario fact type that no rule inserts: its
/// facts change only through the session, which keeps the index. The pattern's conjuncts on its own fact alone filter
/// what the index holds, so a lookup reads only candidates (a party's open preconditions, not all its demands).
/// </summary>
internal sealed class IndexPlanner
{
    private static readonly HashSet<Type> KeyTypes = [typeof(string), typeof(decimal), typeof(DateOnly), typeof(bool), typeof(int), typeof(long)];

    private readonly HashSet<FactTypeDescriptor> _insertedByRules;
    private readonly Dictionary<string, IndexSpec> _indexes = new(StringComparer.Ordinal);

    // Joins share an index when they index the same field with the same filter, compared by structure: the filter's
    // text alone could coincide for different filters (string constants are printed unescaped).
    private readonly Dictionary<(FactTypeDescriptor, FactFieldDescriptor, ExpressionShapeKey?), IndexSpec> _byFilter = [];

    private IndexPlanner(HashSet<FactTypeDescriptor> insertedByRules) => _insertedByRules = insertedByRules;

    /// <summary>The indexes used by the compiled rules, in a stable order.</summary>
    public IReadOnlyList<IndexSpec> Indexes => [.. _indexes.Values.OrderBy(i => i.Id, StringComparer.Ordinal)];

    /// <summary>A planner for the rule set: every type named by an <c>insert:</c> of any rule is excluded up front.</summary>
    public static IndexPlanner For(IReadOnlyList<RuleSetSyntax> files, FactTypeRegistry types)
    {
        var inserted = new HashSet<FactTypeDescriptor>();
        foreach (var rule in files.SelectMany(f => f.Rules))
        {
            foreach (var action in rule.Then.OfType<InsertActionSyntax>())
            {
                if (types.Find(action.FactType.Text) is { } type)
                {
                    inserted.Add(type);
                }
            }
        }

        return new IndexPlanner(inserted);
    }

    /// <summary>A planner that records nothing in this one's registry (for scratch builds), with the same exclusions.</summary>
    public IndexPlanner Scratch() => new(_insertedByRules);

    /// <summary>
    /// The first indexable conjunct of a pattern of <paramref name="type"/> bound to <paramref name="own"/>, as its index
    /// and the key expression over the earlier bindings; <see langword="null"/> when none.
    /// </summary>
    public IndexedJoin? Plan(FactTypeDescriptor type, ParameterExpression own, IReadOnlyList<LambdaExpression> conjuncts)
    {
        if (type.Role != FactTypeRole.Scenario || _insertedByRules.Contains(type) || !type.ClrType.IsClass)
        {
            return null;
        }

        for (var i = 0; i < conjuncts.Count; i++)
        {
            if (conjuncts[i].Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal || !HasValueEquality(equal))
            {
                continue;
            }

            foreach (var (ownSide, other) in new[] { (equal.Left, equal.Right), (equal.Right, equal.Left) })
            {
                if (OwnField(type, own, ownSide) is not { } field)
                {
                    continue;
                }

                var parameters = Parameters.Of(other);
                if (parameters.Count == 0 || parameters.Contains(own))
                {
                    continue;
                }

                // The conjuncts on the own fact alone filter what goes into the index (one index per distinct filter).
                var alone = conjuncts.Where((c, at) => at != i && c.Parameters.Count == 1 && c.Parameters[0] == own).ToList();
                var filter = alone.Count == 0 ? null : Expression.Lambda(alone.Select(c => c.Body).Aggregate(Expression.AndAlso), own);
                var shape = filter is null ? null : ExpressionShapeKey.Of(filter);
                if ((filter is not null && shape is null) || !_byFilter.TryGetValue((type, field, shape), out var index))
                {
                    // The id is what the lookups' holder pattern tests: readable, and made unique where two differ.
                    var id = type.Name + "." + field.Name + (filter is null ? "" : " where " + filter.Body);
                    for (var n = 2; _indexes.ContainsKey(id); n++)
                    {
                        id = $"{type.Name}.{field.Name} where {filter!.Body} #{n}";
                    }

                    var getter = field.Getter;
                    index = new IndexSpec(id, type, field, fact => getter(fact), filter is null ? null : CompileFilter(filter));
                    _indexes.Add(id, index);
                    if (filter is null || shape is not null)
                    {
                        _byFilter[(type, field, shape)] = index;
                    }
                }

                var ordered = conjuncts[i].Parameters.Where(parameters.Contains).ToList();
                var key = Expression.Lambda(Expression.Convert(other, typeof(object)), ordered);
                return new IndexedJoin(index, key, i);
            }
        }

        return null;
    }

    /// <summary>The filter over a boxed fact (compiled once per index, when the rule set is compiled).</summary>
    private static Func<object, bool> CompileFilter(LambdaExpression filter)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = new Replace(filter.Parameters[0], Expression.Convert(fact, filter.Parameters[0].Type)).Visit(filter.Body);
        return DelegateCompiler.Compile(Expression.Lambda<Func<object, bool>>(body, fact));
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private static bool HasValueEquality(BinaryExpression equal)
    {
        if (equal.Left.Type != equal.Right.Type)
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(equal.Left.Type) ?? equal.Left.Type;
        return (type.IsEnum || KeyTypes.Contains(type))
            && (equal.Method is null || equal.Method.DeclaringType == type);
    }

    /// <summary>The field of <paramref name="own"/> that <paramref name="side"/> reads (through a nullable conversion at most).</summary>
    private static FactFieldDescriptor? OwnField(FactTypeDescriptor type, ParameterExpression own, Expression side)
    {
        var inner = side;
        if (inner is UnaryExpression { NodeType: ExpressionType.Convert } convert
            && Nullable.GetUnderlyingType(convert.Type) == convert.Operand.Type)
        {
            inner = convert.Operand;
        }

        if (type.IsDeclared)
        {
            // A declared field's read, by the field's name (declared types share one class).
            return FactFieldDescriptor.ReadOf(side) is var (declaredOwner, name) && declaredOwner == own
                && type.FindField(name) is { IsList: false } declaredField && declaredField.ClrType == side.Type
                ? declaredField : null;
        }

        if (inner is not MemberExpression { Expression: ParameterExpression parameter } member || parameter != own)
        {
            return null;
        }

        var field = type.Fields.FirstOrDefault(f => f.Property == member.Member || f.Property?.Name == member.Member.Name && f.Property.DeclaringType == member.Member.DeclaringType);
        return field is null || field.IsList ? null : field;
    }

    private sealed class Parameters : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _found = [];
        private readonly HashSet<ParameterExpression> _inner = [];

        public static HashSet<ParameterExpression> Of(Expression expression)
        {
            var visitor = new Parameters();
            visitor.Visit(expression);
            return visitor._found;
        }

        protected override Expression VisitLambda<TDelegate>(Expression<TDelegate> node)
        {
            _inner.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_inner.Contains(node))
            {
                _found.Add(node);
            }

            return node;
        }
    }
}

/// <summary>An indexed equi-join: the index, the key over earlier bindings, and which conjunct it replaces.</summary>
internal sealed record IndexedJoin(IndexSpec Index, LambdaExpression Key, int Conjunct);
