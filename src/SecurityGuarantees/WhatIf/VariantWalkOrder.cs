using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Results;
using SecurityGuarantees.RuleGraphs;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// The order in which the variant walk nests the dimensions. A reflected Gray-code walk changes its innermost dimension
/// at every other step and its outermost once, so the dimension that is cheapest to change should be innermost.
/// </summary>
/// <remarks>
/// A change costs what the network does with it: NRules propagates the fact through the rules whose elements accept it and
/// re-fires them, and their conclusions propagate to the rules that read those, and so on. So a dimension's estimated cost
/// is the size (in rule elements) of every rule it can reach: a rule is reached when one of its elements matches the
/// changed fact's type <em>and</em> the fact passes that element's own conditions (those that read the fact alone) in one of
/// the states the dimension gives it; then every rule reading that rule's conclusions, transitively. On row 14b's Paris
/// E5 dimensions the measured cost per change ranged from 5 µs (an observation no element accepts) to 140 µs (a proposal
/// that 30 rules reach); counting only the elements matching each type (the previous estimate) nested a commitment that
/// few elements accept outside a demand that feeds a chain of conclusions, and the walk took 1.56 ms against 1.22 with the
/// order this estimate gives. Only the walk's order changes: results are reported in the dimensions' value order, and
/// each combination's conclusions do not depend on the path to it.
/// </remarks>
internal sealed class VariantWalkOrder
{
    // Per fact type name: each element matching it, with its own conditions and the reach of its rule.
    private readonly Dictionary<string, List<(IReadOnlyList<Func<object, bool>> OwnConditions, int Reach)>> _elements = new(StringComparer.Ordinal);

    private VariantWalkOrder(CompiledRuleSet rules)
    {
        var all = RuleDependencies.Analyze(rules);
        var reach = ReachSizes(all);
        foreach (var rule in all)
        {
            foreach (var element in rule.Elements)
            {
                var own = rule.Rule.ElementPlans.TryGetValue(element.Element, out var plan) ? OwnConditions(plan) : [];
                if (!_elements.TryGetValue(element.FactType, out var list))
                {
                    _elements[element.FactType] = list = [];
                }

                list.Add((own, reach[rule]));
            }
        }
    }

    // One analysis per compiled rule set (compiling the elements' own conditions is the costly part).
    private static readonly ConditionalWeakTable<CompiledRuleSet, VariantWalkOrder> Cache = [];

    /// <summary>The walk order's analysis of a compiled rule set, made on first use.</summary>
    public static VariantWalkOrder For(CompiledRuleSet rules) => Cache.GetValue(rules, r => new VariantWalkOrder(r));

    /// <summary>
    /// Dimension indices from the one to change least (outermost) to the one to change most (innermost): by estimated cost,
    /// most expensive first; equal costs keep the given order. The states of the changed facts are the live scenario's
    /// (made once, and the walk reuses them).
    /// </summary>
    public int[] Of(IReadOnlyList<ResolvedDimension> dimensions, LiveScenario live)
    {
        var dependents = Dependents(live.Original);
        var costs = dimensions.Select(d => Cost(d, live, dependents)).ToArray();
        return [.. Enumerable.Range(0, dimensions.Count).OrderByDescending(d => costs[d])];
    }

    /// <summary>
    /// The estimated cost of changing a dimension's facts: the summed reach of the elements that accept one of its facts in
    /// one of its states, plus <see cref="JustificationWeight"/> per justification that rests on one of them (transitively).
    /// </summary>
    private int Cost(ResolvedDimension dimension, LiveScenario live, Dictionary<FactReference, List<FactReference>> dependents)
    {
        var states = new Dictionary<FactSlot, List<object>>(ReferenceEqualityComparer.Instance);
        foreach (var choice in dimension.Choices)
        {
            foreach (var (slot, (fact, _)) in live.Desired(choice))
            {
                if (!states.TryGetValue(slot, out var list))
                {
                    states[slot] = list = [slot.Original];
                }

                if (fact is not null && !ReferenceEquals(fact, slot.Original))
                {
                    list.Add(fact);
                }
            }
        }

        var cost = 0;
        foreach (var (slot, facts) in states)
        {
            cost += JustificationWeight * Resting(new FactReference(slot.Type.Name, slot.Key), dependents);
            foreach (var (own, reach) in _elements.GetValueOrDefault(slot.Type.Name) ?? [])
            {
                if (facts.Exists(fact => own.All(accepts => accepts(fact))))
                {
                    cost += reach;
                }
            }
        }

        return cost;
    }

    /// <summary>
    /// What one justification resting on a changed fact costs, in rule elements: undoing or redoing a firing (its action, its
    /// support, the merge, the linked conclusion's propagation) against propagating through one element. Measured on row
    /// 14b: a demand whose removal undoes seven justifications through four elements cost 46 µs, a position reaching 46
    /// elements with none resting on it 70 µs, an observation neither 5 µs.
    /// </summary>
    private const int JustificationWeight = 5;

    /// <summary>Per fact or condition (as justifications name them): the conclusions with a justification naming it, once per justification.</summary>
    private static Dictionary<FactReference, List<FactReference>> Dependents(EvaluationResult original)
    {
        var dependents = new Dictionary<FactReference, List<FactReference>>();
        void Add(IReadOnlyList<Justification> justifications, FactReference conclusion)
        {
            foreach (var reference in justifications.SelectMany(j => j.Because))
            {
                if (!dependents.TryGetValue(reference, out var list))
                {
                    dependents[reference] = list = [];
                }

                list.Add(conclusion);
            }
        }

        foreach (var condition in original.Conditions)
        {
            Add(condition.Justifications, new FactReference("Condition", condition.Subject is null ? condition.Id : condition.Id + "/" + condition.Subject));
        }

        foreach (var step in original.NextSteps)
        {
            Add(step.Justifications, new FactReference("NextStep", step.Id));
        }

        return dependents;
    }

    /// <summary>How many justifications rest on a fact, directly or through the conditions they support.</summary>
    private static int Resting(FactReference fact, IReadOnlyDictionary<FactReference, List<FactReference>> dependents)
    {
        var (count, seen, queue) = (0, new HashSet<FactReference> { fact }, new Queue<FactReference>([fact]));
        while (queue.TryDequeue(out var next))
        {
            foreach (var conclusion in dependents.GetValueOrDefault(next) ?? [])
            {
                count++;
                if (seen.Add(conclusion))
                {
                    queue.Enqueue(conclusion);
                }
            }
        }

        return count;
    }

    /// <summary>Per rule: its elements plus those of every rule it feeds, transitively (each rule counted once).</summary>
    private static Dictionary<RuleDependencies, int> ReachSizes(IReadOnlyList<RuleDependencies> all)
    {
        var feeds = all.ToDictionary(r => r, r => all.Where(n => n.Inputs.Any(i => r.Outputs.Any(o => o.Feeds(i)))).ToList());
        var sizes = new Dictionary<RuleDependencies, int>();
        foreach (var rule in all)
        {
            var reached = new HashSet<RuleDependencies>();
            var queue = new Queue<RuleDependencies>([rule]);
            while (queue.TryDequeue(out var next))
            {
                if (reached.Add(next))
                {
                    feeds[next].ForEach(queue.Enqueue);
                }
            }

            sizes[rule] = reached.Sum(r => r.Elements.Count);
        }

        return sizes;
    }

    /// <summary>An element's conditions that read the matched fact alone (NRules tests them before any join), compiled.</summary>
    private static IReadOnlyList<Func<object, bool>> OwnConditions(ElementPlan plan)
    {
        var (name, conjuncts) = plan switch
        {
            PatternPlan p => (p.DeclarationName, p.Conjuncts),
            CountPlan c => (c.SourceName, c.Conjuncts),
            AggregatePlan a => (a.SourceName, a.Conjuncts),
            _ => ("", (IReadOnlyList<ConjunctPlan>)[]),
        };
        return [.. conjuncts.Where(c => c.Lambda.Parameters is [var only] && only.Name == name).Select(c => Compile(c.Lambda))];
    }

    private static Func<object, bool> Compile(LambdaExpression lambda)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = Expression.Invoke(lambda, Expression.Convert(fact, lambda.Parameters[0].Type));
        var test = DelegateCompiler.Compile(Expression.Lambda<Func<object, bool>>(body, fact));
        return candidate =>
        {
            try
            {
                return test(candidate);
            }
#pragma warning disable CA1031 // a condition that faults on this fact may hold on another state: count the element
            catch (Exception)
#pragma warning restore CA1031
            {
                return true;
            }
        };
    }
}
