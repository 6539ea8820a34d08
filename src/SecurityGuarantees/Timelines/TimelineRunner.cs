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
        session.InsertInBatches(scenario.Facts, cancellationToken);
        session.SetToday(asOf, first: true);
        session.Fire(cancellationToken);
        var initial = session.Snapshot(scenario.Id, asOf, cancellationToken);

        var previous = initial;
        var steps = new List<TimelineStepResult>(timeline.Steps.Count);
        foreach (var step in timeline.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.BeginStep(step.On);
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
            var state = session.Snapshot(scenario.Id, step.On, cancellationToken);
            steps.Add(Compare(step, previous, state));
            previous = state;
        }

        return new TimelineResult(scenario.Id, asOf, initial, steps, previous) { Trace = session.Trace };
    }

    /// <summary>
    /// The conclusions that appeared, went and changed between two states. Both are sorted by identity (conditions by id
    /// and subject, next steps by actor, id and subject), so one merge walk finds the differences; a result object the
    /// snapshot carried over unchanged is the same instance, so it is not compared field by field.
    /// </summary>
    public static TimelineStepResult Compare(TimelineStep step, EvaluationResult before, EvaluationResult after)
    {
        var (addedConditions, removedConditions, changedConditions) = Diff(before.Conditions, after.Conditions, CompareConditions, SameContent);
        var (addedSteps, removedSteps, changedSteps) = Diff(before.NextSteps, after.NextSteps, CompareNextSteps, SameContent);
        return new TimelineStepResult(step.On, step.Note,
            new TimelineChanges(addedConditions, addedSteps),
            new TimelineChanges(removedConditions, removedSteps),
            new TimelineChanges(changedConditions, changedSteps),
            after);
    }

    private static (List<T> Added, List<T> Removed, List<T> Changed) Diff<T>(IReadOnlyList<T> before, IReadOnlyList<T> after,
        Comparison<T> order, Func<T, T, bool> sameContent)
        where T : class
    {
        List<T> added = [], removed = [], changed = [];
        if (ReferenceEquals(before, after))
        {
            return (added, removed, changed);
        }

        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var c = i == before.Count ? 1 : j == after.Count ? -1 : order(before[i], after[j]);
            if (c < 0)
            {
                removed.Add(before[i++]);
            }
            else if (c > 0)
            {
                added.Add(after[j++]);
            }
            else
            {
                if (!ReferenceEquals(before[i], after[j]) && !sameContent(before[i], after[j]))
                {
                    changed.Add(after[j]);
                }

                i++;
                j++;
            }
        }

        return (added, removed, changed);
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
            var type = types.Of(fact)!;
            throw new EvaluationException(DiagnosticCodes.InsertConflictsWithScenario,
                $"the timeline step on {FactValueFormatter.Format(step.On)} ({step.Location}) inserts {type.Name} '{type.GetKey(fact)}', "
                + $"but a rule has already inserted a {type.Name} with that key", [], e);
        }
    }

    private static int CompareConditions(ConditionResult a, ConditionResult b) =>
        string.CompareOrdinal(a.Id, b.Id) is var c and not 0 ? c : string.CompareOrdinal(a.Subject, b.Subject);

    private static int CompareNextSteps(NextStepResult a, NextStepResult b) =>
        string.CompareOrdinal(a.Actor, b.Actor) is var c and not 0 ? c
        : string.CompareOrdinal(a.Id, b.Id) is var d and not 0 ? d
        : string.CompareOrdinal(a.Subject, b.Subject);

    private static bool SameContent(ConditionResult a, ConditionResult b) =>
        a.Severity == b.Severity && string.Equals(a.Text, b.Text, StringComparison.Ordinal) && a.Parties.SequenceEqual(b.Parties, StringComparer.Ordinal);

    private static bool SameContent(NextStepResult a, NextStepResult b) =>
        a.Priority == b.Priority && string.Equals(a.Text, b.Text, StringComparison.Ordinal);
}
