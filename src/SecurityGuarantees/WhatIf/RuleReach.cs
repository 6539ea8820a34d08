using System.Globalization;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.RuleGraphs;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// What a target (a condition, or a rule firing) depends on, transitively through the conditions its rules read: the
/// rules, the fact types they read (and which of them a target needs absent), the field names their expressions use,
/// the constants they compare fields with — and whether the target can hold at all when changes only set fields and
/// remove facts (fact counts never grow), with the reasons when it cannot.
/// </summary>
internal sealed class RuleReach
{
    private readonly IReadOnlyList<RuleDependencies> _all;
    private readonly FactTypeRegistry _types;
    private readonly Dictionary<string, int> _factCounts;
    private readonly HashSet<string> _insertedTypes;

    private RuleReach(IReadOnlyList<RuleDependencies> all, FactTypeRegistry types, Dictionary<string, int> factCounts)
    {
        _all = all;
        _types = types;
        _factCounts = factCounts;
        _insertedTypes = [.. all.SelectMany(r => r.Outputs).Where(o => o.Kind == DependencyKind.Fact).Select(o => o.Name)];
    }

    /// <summary>The rules the target depends on, in load order.</summary>
    public List<RuleDependencies> Rules { get; } = [];

    /// <summary>Fact types the relevant rules match, by name.</summary>
    public HashSet<string> ReadTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Fact types whose facts can block the target by being there (under <c>not:</c>, or feeding a condition the target needs absent).</summary>
    public HashSet<string> BlockingTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Names the relevant rules' expressions use (bare field names and <c>x.field</c> members).</summary>
    public HashSet<string> FieldNames { get; } = new(StringComparer.Ordinal);

    /// <summary>String constants the expressions compare with, by field name.</summary>
    public Dictionary<string, HashSet<string>> StringConstants { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers a field must reach to pass a comparison, by field name (e.g. <c>size &gt;= 5000</c> gives 5000).</summary>
    public Dictionary<string, HashSet<decimal>> NumberTargets { get; } = new(StringComparer.Ordinal);

    public static RuleReach ForCondition(CompiledRuleSet rules, IReadOnlyList<object> facts, string conditionId)
    {
        var reach = Create(rules, facts);
        reach.VisitCondition(conditionId, positive: true, []);
        return reach;
    }

    public static RuleReach ForRule(CompiledRuleSet rules, IReadOnlyList<object> facts, string ruleId)
    {
        var reach = Create(rules, facts);
        reach.VisitRule(reach._all.First(r => r.Id == ruleId), positive: true, []);
        return reach;
    }

    /// <summary>The names and constants of the given rules (and what they read, transitively).</summary>
    public static RuleReach ForRules(CompiledRuleSet rules, IReadOnlyList<object> facts, IEnumerable<string> ruleIds)
    {
        var reach = Create(rules, facts);
        var seen = new HashSet<(string, bool)>();
        foreach (var id in ruleIds.Distinct(StringComparer.Ordinal))
        {
            if (reach._all.FirstOrDefault(r => r.Id == id) is { } rule)
            {
                reach.VisitRule(rule, positive: true, seen);
            }
        }

        return reach;
    }

    /// <summary>Why the condition cannot hold with set and remove changes; empty when it might.</summary>
    public List<string> WhyConditionImpossible(string conditionId) =>
        ConditionPossible(conditionId, [], out var reasons) ? [] : reasons;

    /// <summary>Why the rule cannot fire with set and remove changes; empty when it might.</summary>
    public List<string> WhyRuleImpossible(string ruleId) =>
        RulePossible(_all.First(r => r.Id == ruleId), [], out var reasons) ? [] : reasons;

    private static RuleReach Create(CompiledRuleSet rules, IReadOnlyList<object> facts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (rules.Types.Of(fact) is { } type)
            {
                counts[type.Name] = counts.GetValueOrDefault(type.Name) + 1;
            }
        }

        return new RuleReach(RuleDependencies.Analyze(rules), rules.Types, counts);
    }

    private void VisitCondition(string id, bool positive, HashSet<(string, bool)> seen)
    {
        if (!seen.Add((id, positive)))
        {
            return;
        }

        foreach (var rule in _all.Where(r => r.Outputs.Any(o => o.Kind == DependencyKind.Condition && o.Name == id)))
        {
            VisitRule(rule, positive, seen);
        }
    }

    private void VisitRule(RuleDependencies rule, bool positive, HashSet<(string, bool)> seen)
    {
        if (!Rules.Contains(rule))
        {
            Rules.Add(rule);
        }

        foreach (var element in rule.Elements)
        {
            Collect(element.Where);
            if (element.Element is CountSyntax count)
            {
                Collect(count.Distinct);
                Collect(count.Having);
            }

            var type = _types.Find(element.FactType);
            if (type is null || type.Role == FactTypeRole.Today)
            {
                continue;
            }

            var needsPresent = positive != element.Negated;
            if (type.Role == FactTypeRole.Derived)
            {
                var ids = ExpressionInspector.RequiredStrings(element.Where, "id");
                foreach (var id in ids ?? _all.SelectMany(r => r.Outputs).Where(o => o.Kind == DependencyKind.Condition).Select(o => o.Name).Distinct())
                {
                    VisitCondition(id, needsPresent, seen);
                }

                continue;
            }

            ReadTypes.Add(type.Name);
            if (!needsPresent)
            {
                BlockingTypes.Add(type.Name);
            }
        }
    }

    // ---- possibility: fact counts only shrink under set and remove changes ----

    private bool ConditionPossible(string id, HashSet<string> visiting, out List<string> reasons)
    {
        reasons = [];
        if (!visiting.Add(id))
        {
            return true; // a cycle: assume it can (the analysis must never call a possible target impossible)
        }

        var producers = _all.Where(r => r.Outputs.Any(o => o.Kind == DependencyKind.Condition && o.Name == id)).ToList();
        if (producers.Count == 0)
        {
            reasons.Add($"no rule derives the condition '{id}'");
        }

        foreach (var rule in producers)
        {
            if (RulePossible(rule, visiting, out var why))
            {
                visiting.Remove(id);
                reasons = [];
                return true;
            }

            reasons.AddRange(why);
        }

        visiting.Remove(id);
        return false;
    }

    private bool RulePossible(RuleDependencies rule, HashSet<string> visiting, out List<string> reasons)
    {
        reasons = [];
        foreach (var element in rule.Elements.Where(e => !e.Negated && !e.Optional))
        {
            var type = _types.Find(element.FactType);
            if (type is null || type.Role == FactTypeRole.Today)
            {
                continue;
            }

            if (type.Role == FactTypeRole.Derived)
            {
                if (type.Name != "Condition" || ExpressionInspector.RequiredStrings(element.Where, "id") is not { } ids)
                {
                    continue;
                }

                var because = new List<string>();
                var possible = false;
                foreach (var id in ids)
                {
                    if (ConditionPossible(id, visiting, out var why))
                    {
                        possible = true;
                        break;
                    }

                    because.AddRange(why.Select(w => "  " + w));
                }

                if (!possible)
                {
                    reasons.Add($"rule {rule.Id} needs the condition {string.Join(" or ", ids)}, which cannot hold:");
                    reasons.AddRange(because);
                }

                continue;
            }

            var needed = element.Element is CountSyntax count ? count.AtLeast ?? 0 : 1;
            var have = _factCounts.GetValueOrDefault(type.Name);
            if (have < needed && !_insertedTypes.Contains(type.Name))
            {
                reasons.Add(needed == 1
                    ? $"rule {rule.Id} needs a {type.Name} fact, and the scenario has none"
                    : string.Create(CultureInfo.InvariantCulture, $"rule {rule.Id} needs at least {needed} {type.Name} facts, and the scenario has {have}"));
            }
        }

        return reasons.Count == 0;
    }

    // ---- names and constants ----

    private void Collect(TextSyntax? text)
    {
        foreach (var node in ExpressionNodes.All(ExpressionInspector.Parse(text)))
        {
            switch (node)
            {
                case NameNode name:
                    FieldNames.Add(name.Name);
                    break;
                case MemberAccessNode member:
                    FieldNames.Add(member.Member.Name);
                    break;
                case BinaryNode binary:
                    Constants(binary);
                    break;
            }
        }
    }

    private void Constants(BinaryNode binary)
    {
        var (field, other, op) = FieldOf(binary.Left) is { } left ? (left, binary.Right, binary.Operator)
            : FieldOf(binary.Right) is { } right ? (right, binary.Left, Flip(binary.Operator))
            : (null, binary.Right, binary.Operator);
        if (field is null)
        {
            return;
        }

        switch (other)
        {
            case StringLiteralNode s:
                Add(StringConstants, field, s.Value);
                break;
            case ListLiteralNode list:
                foreach (var item in list.Items.OfType<StringLiteralNode>())
                {
                    Add(StringConstants, field, item.Value);
                }

                break;
            case NumberLiteralNode n:
                decimal? target = op switch
                {
                    BinaryOperator.GreaterOrEqual or BinaryOperator.LessOrEqual or BinaryOperator.Equal => n.Value,
                    BinaryOperator.Greater or BinaryOperator.NotEqual => n.Value + 1,
                    BinaryOperator.Less => n.Value - 1,
                    _ => null,
                };
                if (target is { } t)
                {
                    Add(NumberTargets, field, t);
                }

                break;
        }
    }

    private static string? FieldOf(ExprNode node) => node switch
    {
        NameNode name => name.Name,
        MemberAccessNode member => member.Member.Name,
        _ => null,
    };

    private static BinaryOperator Flip(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => BinaryOperator.Greater,
        BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
        BinaryOperator.Greater => BinaryOperator.Less,
        BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
        _ => op,
    };

    private static void Add<T>(Dictionary<string, HashSet<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        set.Add(value);
    }
}
