using SecurityGuarantees.Results;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// <see cref="ConclusionOrder.Of"/> for a run of snapshots of one session: the session hands back the same result list
/// while nothing in it changed, so the sorted keys of a list are made once and reused for as long as it is handed back.
/// </summary>
internal sealed class ConclusionKeys
{
    private IReadOnlyList<ConditionResult>? _conditionsOf;
    private IReadOnlyList<ConditionKey> _conditions = [];
    private IReadOnlyList<NextStepResult>? _nextStepsOf;
    private IReadOnlyList<NextStepKey> _nextSteps = [];

    // A result the session did not change is the same object in the next snapshot: its key is made once.
    private readonly Dictionary<ConditionResult, ConditionKey> _conditionKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<NextStepResult, NextStepKey> _nextStepKeys = new(ReferenceEqualityComparer.Instance);

    public ConclusionSet Of(EvaluationResult result)
    {
        if (!ReferenceEquals(result.Conditions, _conditionsOf))
        {
            _conditions = [.. result.Conditions.Select(c => Key(_conditionKeys, c, c => new ConditionKey(c.Id, c.Subject))).Order(ConclusionOrder.Conditions)];
            _conditionsOf = result.Conditions;
        }

        if (!ReferenceEquals(result.NextSteps, _nextStepsOf))
        {
            _nextSteps = [.. result.NextSteps.Select(n => Key(_nextStepKeys, n, n => new NextStepKey(n.Id, n.Actor, n.Subject))).Order(ConclusionOrder.NextSteps)];
            _nextStepsOf = result.NextSteps;
        }

        return new ConclusionSet(_conditions, _nextSteps);
    }

    private static TKey Key<TResult, TKey>(Dictionary<TResult, TKey> keys, TResult result, Func<TResult, TKey> make)
        where TResult : notnull
    {
        if (!keys.TryGetValue(result, out var key))
        {
            keys[result] = key = make(result);
        }

        return key;
    }
}
