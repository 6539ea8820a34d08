namespace SecurityGuarantees.Compilation;

/// <summary>
/// Where a session's rule actions report the results they link, as they link them: the supports rules state, the
/// conclusions rules link directly with their one support (<see cref="DirectConclusionPlanner"/>; no support fact goes into
/// working memory for those), and the merged conclusions of the merge rules. Retractions are not reported here: NRules
/// retracts linked facts itself, by truth maintenance, and the session learns of them from its retract event. One per
/// session, reached by the rule actions through NRules' per-session dependency resolver (no process-wide table, so no
/// lock between parallel evaluations).
/// </summary>
/// <remarks>
/// Reporting from the actions instead of from NRules' insert and update events saves an event per linked fact and a map
/// from NRules' fact wrappers to results. An action reports only after NRules accepted the link; a link that NRules then
/// rejects faults the whole evaluation.
/// </remarks>
internal interface ILinkedConclusions
{
    /// <summary>A support was linked, or replaced <paramref name="replaced"/> (the same activation's earlier support).</summary>
    void SupportLinked(SupportFact support, SupportFact? replaced);

    /// <summary>
    /// <paramref name="support"/>'s conclusion was linked directly, or replaced <paramref name="replaced"/> (the same
    /// activation's earlier conclusion).
    /// </summary>
    void ConclusionLinked(SupportFact support, object? replaced);

    /// <summary>A merge rule linked the merged conclusion of a group of supports, or replaced <paramref name="replaced"/>.</summary>
    void MergedLinked(string conclusionType, string groupKey, object merged, object? replaced);

    /// <summary>The support of this very conclusion object when its rule linked it directly (by its group key), or null.</summary>
    SupportFact? Find(object conclusion, string groupKey);
}
