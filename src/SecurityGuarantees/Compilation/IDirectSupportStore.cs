namespace SecurityGuarantees.Compilation;

/// <summary>
/// Where a session keeps the support of each conclusion a rule links directly (<see cref="DirectConclusionPlanner"/>): no
/// support fact goes into working memory for it, so results and explanations find its justification here. One per
/// session, reached by the rule action through NRules' per-session dependency resolver (no process-wide table, so no lock
/// between parallel evaluations).
/// </summary>
internal interface IDirectSupportStore
{
    /// <summary>Keeps <paramref name="support"/> for its conclusion, before the conclusion is linked (inserted or updated).</summary>
    void Attach(SupportFact support);

    /// <summary>The support kept for this very conclusion object (by its group key), or null.</summary>
    SupportFact? Find(object conclusion, string groupKey);
}
