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

    public ConclusionSet Of(EvaluationResult result)
    {
        if (!ReferenceEquals(result.Conditions, _conditionsOf))
        {
            _conditions = ConclusionOrder.ConditionsOf(result.Conditions);
            _conditionsOf = result.Conditions;
        }

        if (!ReferenceEquals(result.NextSteps, _nextStepsOf))
        {
            _nextSteps = ConclusionOrder.NextStepsOf(result.NextSteps);
            _nextStepsOf = result.NextSteps;
        }

        return new ConclusionSet(_conditions, _nextSteps);
    }
}
