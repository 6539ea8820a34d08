using NRules.Aggregators;
using NRules.RuleModel;

namespace SecurityGuarantees.Compilation;

/// <summary>Creates <see cref="SupportGroupAggregator"/>s (NRules instantiates it by type: public parameterless constructor).</summary>
internal sealed class SupportGroupAggregatorFactory : IAggregatorFactory
{
    public const string Name = "SecurityGuarantees.SupportGroups";

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
    }

    public IAggregator Create(AggregationContext context) => new SupportGroupAggregator();
}

/// <summary>
/// Groups supports by conclusion like NRules' GroupBy, but reports a group as modified only when its merged conclusion
/// may have changed (<see cref="SupportGroup.Refresh"/>). A conclusion gaining its hundredth justification with the same
/// text, severity and parties then fires no merge rule; the justification itself reaches the results through the support.
/// </summary>
internal sealed class SupportGroupAggregator : IAggregator
{
    private readonly Dictionary<string, SupportGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<IFact, SupportGroup> _groupOf = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var touched = new Touched();
        foreach (var fact in facts)
        {
            AddTo(fact, (SupportFact)fact.Value!, touched);
        }

        return Results(touched);
    }

    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var touched = new Touched();
        foreach (var fact in facts)
        {
            var support = (SupportFact)fact.Value!;
            var group = _groupOf[fact];
            touched.Note(group);
            if (group.Key == support.GroupKey)
            {
                group.Replace(fact, support);
            }
            else
            {
                group.Remove(fact); // the conclusion's key changed: the support moves to another group
                AddTo(fact, support, touched);
            }
        }

        return Results(touched);
    }

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        var touched = new Touched();
        foreach (var fact in facts)
        {
            _groupOf.Remove(fact, out var group);
            touched.Note(group!);
            group!.Remove(fact);
        }

        return Results(touched);
    }

    private void AddTo(IFact fact, SupportFact support, Touched touched)
    {
        if (!_groups.TryGetValue(support.GroupKey, out var group))
        {
            _groups[support.GroupKey] = group = new SupportGroup(support.GroupKey);
        }

        touched.Note(group);
        group.Add(fact, support);
        _groupOf[fact] = group;
    }

    private IReadOnlyCollection<AggregationResult> Results(Touched touched)
    {
        var results = new List<AggregationResult>(touched.Groups.Count);
        foreach (var (group, wasLive) in touched.Groups)
        {
            var changed = group.Refresh();
            if (group.Count == 0)
            {
                _groups.Remove(group.Key);
                if (wasLive)
                {
                    results.Add(AggregationResult.Removed(group));
                }
            }
            else if (!wasLive)
            {
                results.Add(AggregationResult.Added(group, group.Facts));
            }
            else if (changed)
            {
                results.Add(AggregationResult.Modified(group, group, group.Facts));
            }
        }

        return results;
    }

    /// <summary>The groups one call changed, in first-touch order, with whether each had supports before the call.</summary>
    private sealed class Touched
    {
        public List<(SupportGroup Group, bool WasLive)> Groups { get; } = [];

        private readonly HashSet<SupportGroup> _seen = [];

        public void Note(SupportGroup group)
        {
            if (_seen.Add(group))
            {
                Groups.Add((group, group.Count > 0));
            }
        }
    }
}
