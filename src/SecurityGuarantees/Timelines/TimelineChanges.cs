using SecurityGuarantees.Results;

namespace SecurityGuarantees.Timelines;

/// <summary>Conditions and next steps that a timeline step added, removed or changed; sorted like an evaluation result.</summary>
/// <param name="Conditions">Conditions by id, then subject.</param>
/// <param name="NextSteps">Next steps by actor, id, then subject.</param>
public sealed record TimelineChanges(IReadOnlyList<ConditionResult> Conditions, IReadOnlyList<NextStepResult> NextSteps)
{
    /// <summary>No condition and no next step.</summary>
    public static TimelineChanges None { get; } = new([], []);

    /// <summary>Whether there is nothing in it.</summary>
    public bool IsEmpty => Conditions.Count == 0 && NextSteps.Count == 0;
}
