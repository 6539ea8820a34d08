using SecurityGuarantees.Results;

namespace SecurityGuarantees.WhatIf;

/// <summary>The ordinal orders of conclusion keys, and the keys of an evaluation result.</summary>
internal static class ConclusionOrder
{
    public static readonly Comparer<ConditionKey> Conditions = Comparer<ConditionKey>.Create((a, b) =>
        string.CompareOrdinal(a.Id, b.Id) is var c and not 0 ? c : string.CompareOrdinal(a.Subject, b.Subject));

    public static readonly Comparer<NextStepKey> NextSteps = Comparer<NextStepKey>.Create((a, b) =>
        string.CompareOrdinal(a.Id, b.Id) is var c and not 0 ? c
        : string.CompareOrdinal(a.Actor, b.Actor) is var d and not 0 ? d
        : string.CompareOrdinal(a.Subject, b.Subject));

    public static ConclusionSet Of(EvaluationResult result) => new(ConditionsOf(result.Conditions), NextStepsOf(result.NextSteps));

    public static IReadOnlyList<ConditionKey> ConditionsOf(IReadOnlyList<ConditionResult> conditions) =>
        [.. conditions.Select(c => new ConditionKey(c.Id, c.Subject)).Order(Conditions)];

    public static IReadOnlyList<NextStepKey> NextStepsOf(IReadOnlyList<NextStepResult> nextSteps) =>
        [.. nextSteps.Select(n => new NextStepKey(n.Id, n.Actor, n.Subject)).Order(NextSteps)];
}
