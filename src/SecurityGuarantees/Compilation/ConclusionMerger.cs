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
        var merged = Merge(group);
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

    /// <summary>
    /// One pass over the group, no copy, sort or set per support: this runs after every firing that adds to the group,
    /// so a conclusion with k supports is merged k times (a condition that names one demand per justification can have
    /// hundreds). Parties are few per conclusion, so a list with a linear membership test beats a sorted set.
    /// </summary>
    public static object Merge(IEnumerable<SupportFact> supports)
    {
        SupportFact? winner = null;
        var count = 0;
        var severity = Severity.Info;
        List<string>? parties = null;
        foreach (var candidate in supports)
        {
            count++;
            if (winner is null
                || candidate.Rule.Priority > winner.Rule.Priority
                || (candidate.Rule.Priority == winner.Rule.Priority && string.CompareOrdinal(candidate.Rule.Id, winner.Rule.Id) < 0))
            {
                winner = candidate;
            }

            if (candidate.Conclusion is Condition condition)
            {
                severity = parties is null || condition.Severity > severity ? condition.Severity : severity;
                parties ??= [];
                foreach (var party in condition.Parties)
                {
                    if (!parties.Contains(party)) // string equality is ordinal
                    {
                        parties.Add(party);
                    }
                }
            }
        }

        if (winner is null)
        {
            throw new InvalidOperationException("a merge needs at least one support");
        }

        if (count == 1 || winner.Conclusion is not Condition merged)
        {
            return winner.Conclusion;
        }

        parties!.Sort(StringComparer.Ordinal);
        return merged with { Severity = severity, Parties = [.. parties] };
    }
}
