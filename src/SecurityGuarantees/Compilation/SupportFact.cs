using SecurityGuarantees.Results;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// One justification in working memory: linked to the activation of the rule that derived it, so NRules retracts it
/// when the match goes. The conclusion itself is linked to the group of its supports (see <see cref="ConclusionMergeRules"/>).
/// Identity is the reference: two supports are never the same fact.
/// </summary>
internal sealed class SupportFact(string conclusionType, string conclusionKey, object conclusion, CompiledRule rule,
    IReadOnlyList<FactReference> because, IReadOnlyList<object> becauseFacts)
{
    public string ConclusionType { get; } = conclusionType;

    /// <summary>Type and key, e.g. <c>Condition|ceasefire-pending/ceasefire-30d</c>: what the merge rule groups by.</summary>
    public string GroupKey { get; } = GroupKeyOf(conclusionType, conclusionKey);

    /// <summary>The group key of a conclusion of type <paramref name="type"/> with key <paramref name="key"/>.</summary>
    public static string GroupKeyOf(string type, string key) => type + "|" + key;

    public string ConclusionKey { get; } = conclusionKey;

    /// <summary>The conclusion as this rule alone would state it.</summary>
    public object Conclusion { get; } = conclusion;

    public CompiledRule Rule { get; } = rule;

    public IReadOnlyList<FactReference> Because { get; } = because;

    /// <summary>The matched fact objects, in the order of <see cref="Because"/>, for explanations.</summary>
    public IReadOnlyList<object> BecauseFacts { get; } = becauseFacts;

    private Justification? _justification;
    private string? _becauseSortKey;

    /// <summary>The justification as results show it; built once, since snapshots read it after every timeline step.</summary>
    public Justification ToJustification() => _justification ??= new(Rule.Id, Because);

    /// <summary>Orders justifications of one rule by their facts.</summary>
    public string BecauseSortKey => _becauseSortKey ??= string.Join("\n", Because.Select(b => b.Type + "\t" + b.Key));

    /// <summary>Same content: re-firing with this would change nothing downstream.</summary>
    public bool SameContentAs(SupportFact other) =>
        GroupKey == other.GroupKey && ReferenceEquals(Rule, other.Rule) && Because.SequenceEqual(other.Because)
        && ConclusionComparer.Equal(Conclusion, other.Conclusion);
}
