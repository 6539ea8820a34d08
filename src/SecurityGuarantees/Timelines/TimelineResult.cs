using SecurityGuarantees.Results;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// The run of a timeline on one session: what held at the scenario's <c>asOf</c>, what each step added, removed and
/// changed, and what holds after the last step. Immutable.
/// </summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="AsOf">The date of the initial state (the scenario's <c>asOf</c>).</param>
/// <param name="Initial">What held before the first step.</param>
/// <param name="Steps">One result per step, in date order.</param>
/// <param name="Final">
/// What holds after the last step (<see cref="Initial"/> when there are no steps). Its content equals a fresh evaluation
/// of <see cref="Timeline.FinalFacts"/> at the last date; its <see cref="EvaluationResult.RulesFired"/> counts every
/// firing of the run.
/// </param>
public sealed record TimelineResult(string Scenario, DateOnly AsOf, EvaluationResult Initial, IReadOnlyList<TimelineStepResult> Steps,
    EvaluationResult Final)
{
    /// <summary>
    /// The firing trace of the whole run when <see cref="EvaluationOptions.Trace"/> was on (entries carry their step's
    /// date), else <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<TraceEntry>? Trace { get; init; }
}
