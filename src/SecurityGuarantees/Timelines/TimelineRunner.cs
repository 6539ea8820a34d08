using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// Runs a timeline on ONE session: the scenario's facts and <c>Today</c> at <c>asOf</c>, fire; then per step retract,
/// update, insert, move <c>Today</c>, fire, and compare what holds with the state before. Nothing is re-evaluated from
/// scratch: truth maintenance retracts the conclusions whose premises went.
/// </summary>
internal static class TimelineRunner
{
    public static TimelineResult Run(ScenarioSession session, Timeline timeline, DateOnly asOf, FactTypeRegistry types,
        CancellationToken cancellationToken)
    {
        var scenario = timeline.Scenario;
        session.Insert(scenario.Facts);
        session.SetToday(asOf, first: true);
        session.Fire(cancellationToken);
        var initial = session.Snapshot(scenario.Id, asOf);

        var previous = initial;
        var steps = new List<TimelineStepResult>(timeline.Steps.Count);
        foreach (var step in timeline.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step.Retractions.Count > 0)
            {
                session.Retract(step.Retractions);
            }

            if (step.Updates.Count > 0)
            {
                session.Update(step.Updates);
            }

            foreach (var fact in step.Insertions)
            {
                Insert(session, fact, step, types);
            }

            session.SetToday(step.On, first: false);
            session.Fire(cancellationToken);
            var state = session.Snapshot(scenario.Id, step.On);
            steps.Add(Compare(step, previous, state));
            previous = state;
        }

        return new TimelineResult(scenario.Id, asOf, initial, steps, previous);
    }

    /// <summary>The conclusions that appeared, went and changed between two states.</summary>
    public static TimelineStepResult Compare(TimelineStep step, EvaluationResult before, EvaluationResult after)
    {
        var conditionsBefore = before.Conditions.ToDictionary(ConditionIdentity);
        var conditionsAfter = after.Conditions.ToDictionary(ConditionIdentity);
        var stepsBefore = before.NextSteps.ToDictionary(NextStepIdentity);
        var stepsAfter = after.NextSteps.ToDictionary(NextStepIdentity);

        var added = new TimelineChanges(
            [.. after.Conditions.Where(c => !conditionsBefore.ContainsKey(ConditionIdentity(c)))],
            [.. after.NextSteps.Where(n => !stepsBefore.ContainsKey(NextStepIdentity(n)))]);
        var removed = new TimelineChanges(
            [.. before.Conditions.Where(c => !conditionsAfter.ContainsKey(ConditionIdentity(c)))],
            [.. before.NextSteps.Where(n => !stepsAfter.ContainsKey(NextStepIdentity(n)))]);
        var changed = new TimelineChanges(
            [.. after.Conditions.Where(c => conditionsBefore.TryGetValue(ConditionIdentity(c), out var old) && !SameContent(old, c))],
            [.. after.NextSteps.Where(n => stepsBefore.TryGetValue(NextStepIdentity(n), out var old) && !SameContent(old, n))]);
        return new TimelineStepResult(step.On, step.Note, added, removed, changed, after);
    }

    private static void Insert(ScenarioSession session, object fact, TimelineStep step, FactTypeRegistry types)
    {
        try
        {
            session.Insert([fact]);
        }
        catch (ArgumentException e)
        {
            // The loader checked the key against the scenario's facts; a rule's insert can still hold it.
            var type = types.Find(fact.GetType())!;
            throw new EvaluationException(DiagnosticCodes.InsertConflictsWithScenario,
                $"the timeline step on {FactValueFormatter.Format(step.On)} ({step.Location}) inserts {type.Name} '{type.GetKey(fact)}', "
                + $"but a rule has already inserted a {type.Name} with that key", [], e);
        }
    }

    private static (string, string?) ConditionIdentity(ConditionResult c) => (c.Id, c.Subject);

    private static (string, string?, string?) NextStepIdentity(NextStepResult n) => (n.Id, n.Actor, n.Subject);

    private static bool SameContent(ConditionResult a, ConditionResult b) =>
        a.Severity == b.Severity && string.Equals(a.Text, b.Text, StringComparison.Ordinal) && a.Parties.SequenceEqual(b.Parties, StringComparer.Ordinal);

    private static bool SameContent(NextStepResult a, NextStepResult b) =>
        a.Priority == b.Priority && string.Equals(a.Text, b.Text, StringComparison.Ordinal);
}
