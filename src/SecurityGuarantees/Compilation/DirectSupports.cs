using System.Runtime.CompilerServices;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The support of each conclusion a rule links directly (<see cref="DirectConclusionPlanner"/>): no support fact goes into
/// working memory for it, so results and explanations find its justification here, by the conclusion object. Weak: an
/// entry goes with its conclusion.
/// </summary>
internal static class DirectSupports
{
    private static readonly ConditionalWeakTable<object, SupportFact> Table = [];

    public static void Attach(object conclusion, SupportFact support) => Table.AddOrUpdate(conclusion, support);

    public static SupportFact? Find(object conclusion) => Table.TryGetValue(conclusion, out var support) ? support : null;
}
