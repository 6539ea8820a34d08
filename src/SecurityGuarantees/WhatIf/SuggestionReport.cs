namespace SecurityGuarantees.WhatIf;

/// <summary>What a suggestion search asked for.</summary>
public enum SuggestionGoal
{
    /// <summary><c>why-not --suggest</c>: changes after which the condition holds (or the rule fires).</summary>
    MakeHold,

    /// <summary><c>explain --what-stops</c>: changes after which the condition no longer holds.</summary>
    Stop,
}

/// <summary>One set of changes, verified by evaluating the changed scenario.</summary>
/// <param name="Changes">The changes, in the order they were found (scenario order of the facts).</param>
public sealed record ChangeSet(IReadOnlyList<ScenarioChange> Changes);

/// <summary>
/// The smallest sets of changes to a scenario's facts that make a condition hold (or a rule fire), or that stop a
/// condition that holds; smallest first, each verified by a fresh evaluation of the changed scenario. Immutable.
/// </summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="AsOf">The date evaluated at.</param>
/// <param name="Goal">Make hold, or stop.</param>
/// <param name="TargetKind"><c>condition</c> or <c>rule</c>.</param>
/// <param name="Target">The condition or rule id.</param>
/// <param name="Subject">With a subject: only the condition about it; otherwise <see langword="null"/>.</param>
/// <param name="AlreadyReached">The scenario as written already reaches the goal (the condition holds, or for a stop, does not hold); no search ran.</param>
/// <param name="MaxChanges">The largest set size searched.</param>
/// <param name="Suggestions">The change sets found, smallest first (at most <see cref="WhatIfOptions.MaxSuggestions"/>); empty is an answer: no set within <paramref name="MaxChanges"/> changes.</param>
/// <param name="Complete">Whether every candidate set up to <paramref name="MaxChanges"/> was tried (false when the evaluation budget ran out first).</param>
/// <param name="Evaluations">How many candidate sets were evaluated (incrementally, on one live session).</param>
/// <param name="Candidates">How many single changes the search combined.</param>
/// <param name="Reasons">When nothing can reach the goal by setting fields and removing facts: why (e.g. a rule needs a fact type the scenario has none of).</param>
public sealed record SuggestionReport(string Scenario, DateOnly AsOf, SuggestionGoal Goal, string TargetKind, string Target, string? Subject, bool AlreadyReached,
    int MaxChanges, IReadOnlyList<ChangeSet> Suggestions, bool Complete, int Evaluations, int Candidates, IReadOnlyList<string> Reasons);
