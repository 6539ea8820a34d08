using NRules.RuleModel;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The action of a built-in merge rule: turns the group of supports of one conclusion into the one linked fact rules see.
/// Severity is the highest, parties the sorted union; text and priority come from the highest-priority rule, ties
/// broken by rule id.
/// </summary>
internal sealed class ConclusionMerger(FactTypeDescriptor type)
{
    private const string LinkKey = "conclusion";

    public FactTypeDescriptor Type { get; } = type;

    public void Execute(IContext context)
    {
        var group = (IGrouping<string, SupportFact>)context.Match.Facts.Single().Value!;
        var merged = Merge([.. group]);
        var existing = context.GetLinked(LinkKey);
        if (existing is null)
        {
            try
            {
                context.InsertLinked(LinkKey, merged);
            }
            catch (ArgumentException)
            {
                throw new InsertConflictException(Type.Name, Type.GetKey(merged), [.. group.Select(s => s.Rule.Id).Distinct().Order(StringComparer.Ordinal)]);
            }
        }
        else if (!ConclusionComparer.Equal(existing, merged))
        {
            context.UpdateLinked(LinkKey, merged);
        }
    }

    public static object Merge(IReadOnlyList<SupportFact> supports)
    {
        // One pass: this runs after every firing that touches the group, so no sorting or LINQ per call.
        var winner = supports[0];
        for (var i = 1; i < supports.Count; i++)
        {
            var candidate = supports[i];
            if (candidate.Rule.Priority > winner.Rule.Priority
                || (candidate.Rule.Priority == winner.Rule.Priority && string.CompareOrdinal(candidate.Rule.Id, winner.Rule.Id) < 0))
            {
                winner = candidate;
            }
        }

        if (supports.Count == 1 || winner.Conclusion is not Condition condition)
        {
            return winner.Conclusion;
        }

        var severity = condition.Severity;
        var parties = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var support in supports)
        {
            var other = (Condition)support.Conclusion;
            if (other.Severity > severity)
            {
                severity = other.Severity;
            }

            parties.UnionWith(other.Parties);
        }

        return condition with { Severity = severity, Parties = [.. parties] };
    }
}
