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
        var winner = supports
            .OrderByDescending(s => s.Rule.Priority)
            .ThenBy(s => s.Rule.Id, StringComparer.Ordinal)
            .First();
        if (supports.Count == 1)
        {
            return winner.Conclusion;
        }

        return winner.Conclusion switch
        {
            Condition condition => condition with
            {
                Severity = supports.Select(s => ((Condition)s.Conclusion).Severity).Max(),
                Parties = [.. supports.SelectMany(s => ((Condition)s.Conclusion).Parties).Distinct().Order(StringComparer.Ordinal)],
            },
            _ => winner.Conclusion,
        };
    }
}
