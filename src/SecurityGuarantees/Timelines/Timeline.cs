using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// A scenario with its <c>timeline:</c> steps, checked against the scenario's facts: every update and retraction names a
/// fact that exists at that point, every insertion a key that does not, and the dates increase from the scenario's
/// <c>asOf</c>. Loaded with <see cref="ScenarioEngine.LoadTimeline(string)"/> and run with
/// <see cref="ScenarioEngine.RunTimeline(Timeline, EvaluationOptions?, CancellationToken)"/>. Immutable.
/// </summary>
public sealed class Timeline
{
    internal Timeline(Scenario scenario, IReadOnlyList<TimelineStep> steps, IReadOnlyList<object> finalFacts)
    {
        Scenario = scenario;
        Steps = steps;
        FinalFacts = finalFacts;
    }

    /// <summary>The scenario: its facts are the state before the first step, at its <c>asOf</c>.</summary>
    public Scenario Scenario { get; }

    /// <summary>The steps, in date order (dates strictly increase).</summary>
    public IReadOnlyList<TimelineStep> Steps { get; }

    /// <summary>
    /// The facts after the last step: the scenario's facts in file order with updates in place and retractions left out,
    /// then the inserted facts in the order the steps insert them.
    /// </summary>
    public IReadOnlyList<object> FinalFacts { get; }

    /// <summary>The date of the last step, or the scenario's <c>asOf</c> when there are no steps.</summary>
    public DateOnly? FinalDate => Steps.Count > 0 ? Steps[^1].On : Scenario.AsOf;
}
