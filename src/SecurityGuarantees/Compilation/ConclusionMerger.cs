using NRules.RuleModel;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The action of a built-in merge rule: links the merged conclusion of a group of supports (<see cref="SupportGroup"/>)
/// as the one fact rules see, or updates it when the merge changed.
/// </summary>
internal sealed class ConclusionMerger(FactTypeDescriptor type)
{
    private const string LinkKey = "conclusion";

    public FactTypeDescriptor Type { get; } = type;

    public void Execute(IContext context)
    {
        var group = (SupportGroup)context.Match.Facts.Single().Value!;
        var merged = group.Merged!;
        var existing = context.GetLinked(LinkKey);
        if (existing is null)
        {
            try
            {
                context.InsertLinked(LinkKey, merged);
            }
            catch (ArgumentException)
            {
                throw new InsertConflictException(Type.Name, Type.GetKey(merged), [.. group.Supports.Select(s => s.Rule.Id).Distinct().Order(StringComparer.Ordinal)]);
            }
        }
        else if (!ConclusionComparer.Equal(existing, merged))
        {
            context.UpdateLinked(LinkKey, merged);
        }
        else
        {
            return;
        }

        ((ILinkedConclusions)context.Resolve(typeof(ILinkedConclusions))).MergedLinked(Type.Name, group.Key, merged, existing);
    }
}
