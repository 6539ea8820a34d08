using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// Evaluates scenarios (and every timeline step) under two rule sets and reports, per scenario, the conclusions added,
/// removed and changed. A condition is matched by (id, subject), a next step by (id, actor, subject); a next step whose
/// actor alone differs is reported as changed (its actor), not as removed and added.
/// </summary>
public static class RuleChangeImpact
{
    /// <summary>Compares every scenario file under both rule sets.</summary>
    /// <param name="baseRules">The engine of the rules before the change.</param>
    /// <param name="newRules">The engine of the rules after it.</param>
    /// <param name="scenarioFiles">Scenario files (see <see cref="Testing.ScenarioTestRunner.FindScenarioFiles"/> for folders).</param>
    /// <param name="baseName">How reports name the base rules.</param>
    /// <param name="newName">How reports name the new rules.</param>
    /// <param name="options">Overrides for the evaluations (<see cref="EvaluationOptions.AsOf"/> must be unset).</param>
    /// <param name="cancellationToken">Stops between rule firings.</param>
    /// <exception cref="RuleLoadException">A scenario file does not load under one of the rule sets; all problems are listed.</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public static RuleImpactReport Compare(ScenarioEngine baseRules, ScenarioEngine newRules, IEnumerable<string> scenarioFiles, string baseName, string newName,
        EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseRules);
        ArgumentNullException.ThrowIfNull(newRules);
        ArgumentNullException.ThrowIfNull(scenarioFiles);
        var loaded = new List<(string File, Timeline Before, Timeline After)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in scenarioFiles)
        {
            try
            {
                var after = newRules.LoadTimeline(file);
                loaded.Add((file, baseRules.LoadTimeline(file), after));
            }
            catch (RuleLoadException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new RuleLoadException([.. diagnostics.Distinct()]);
        }

        return new RuleImpactReport(baseName, newName,
            [.. loaded.Select(l => Compare(baseRules.RunTimeline(l.Before, options, cancellationToken), newRules.RunTimeline(l.After, options, cancellationToken), l.File))]);
    }

    /// <summary>Compares one scenario given as YAML text under both rule sets.</summary>
    /// <param name="baseRules">The engine of the rules before the change.</param>
    /// <param name="newRules">The engine of the rules after it.</param>
    /// <param name="sourceName">The name diagnostics and the report use for the text.</param>
    /// <param name="yaml">The scenario file content (a <c>timeline:</c> is followed step by step).</param>
    /// <param name="options">Overrides for the evaluations (<see cref="EvaluationOptions.AsOf"/> must be unset).</param>
    /// <param name="cancellationToken">Stops between rule firings.</param>
    /// <exception cref="RuleLoadException">The text does not load under one of the rule sets.</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public static ScenarioImpact CompareScenario(ScenarioEngine baseRules, ScenarioEngine newRules, string sourceName, string yaml,
        EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseRules);
        ArgumentNullException.ThrowIfNull(newRules);
        var after = newRules.ParseTimeline(sourceName, yaml);
        var before = baseRules.ParseTimeline(sourceName, yaml);
        return Compare(baseRules.RunTimeline(before, options, cancellationToken), newRules.RunTimeline(after, options, cancellationToken), sourceName);
    }

    private static ScenarioImpact Compare(TimelineResult before, TimelineResult after, string file)
    {
        var points = new List<ImpactPoint> { Point(before.AsOf, false, null, before.Initial, after.Initial) };
        for (var i = 0; i < after.Steps.Count; i++)
        {
            points.Add(Point(after.Steps[i].On, true, after.Steps[i].Note, before.Steps[i].State, after.Steps[i].State));
        }

        return new ScenarioImpact(after.Scenario, file, points);
    }

    private static ImpactPoint Point(DateOnly on, bool step, string? note, EvaluationResult before, EvaluationResult after)
    {
        List<ConclusionDelta> added = [], removed = [];
        List<ConclusionChange> changed = [];

        var beforeConditions = before.Conditions.ToDictionary(c => (c.Id, c.Subject));
        var afterConditions = after.Conditions.ToDictionary(c => (c.Id, c.Subject));
        removed.AddRange(before.Conditions.Where(c => !afterConditions.ContainsKey((c.Id, c.Subject))).Select(Delta));
        foreach (var condition in after.Conditions)
        {
            if (!beforeConditions.TryGetValue((condition.Id, condition.Subject), out var old))
            {
                added.Add(Delta(condition));
                continue;
            }

            var changes = new List<PropertyChange>();
            Compare(changes, "severity", FactValueFormatter.Format(old.Severity), FactValueFormatter.Format(condition.Severity));
            Compare(changes, "parties", string.Join(", ", old.Parties), string.Join(", ", condition.Parties));
            Compare(changes, "text", old.Text ?? "", condition.Text ?? "");
            if (changes.Count > 0)
            {
                changed.Add(new ConclusionChange("condition", condition.Id, condition.Subject, null, changes));
            }
        }

        // Next steps: same actor first; what is left over pairs up by (id, subject) as an actor change.
        var afterSteps = after.NextSteps.ToList();
        var unmatchedBefore = new List<NextStepResult>();
        foreach (var old in before.NextSteps)
        {
            var index = afterSteps.FindIndex(n => n.Id == old.Id && n.Subject == old.Subject && n.Actor == old.Actor);
            if (index < 0)
            {
                unmatchedBefore.Add(old);
                continue;
            }

            StepChanges(changed, old, afterSteps[index], []);
            afterSteps.RemoveAt(index);
        }

        foreach (var old in unmatchedBefore)
        {
            var index = afterSteps.FindIndex(n => n.Id == old.Id && n.Subject == old.Subject);
            if (index < 0)
            {
                removed.Add(Delta(old));
                continue;
            }

            StepChanges(changed, old, afterSteps[index], [new PropertyChange("actor", old.Actor ?? "", afterSteps[index].Actor ?? "")]);
            afterSteps.RemoveAt(index);
        }

        added.AddRange(afterSteps.Select(Delta));
        return new ImpactPoint(on, step, note, added, removed, changed);
    }

    private static void StepChanges(List<ConclusionChange> changed, NextStepResult old, NextStepResult now, List<PropertyChange> changes)
    {
        Compare(changes, "priority", old.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), now.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare(changes, "text", old.Text ?? "", now.Text ?? "");
        if (changes.Count > 0)
        {
            changed.Add(new ConclusionChange("nextStep", now.Id, now.Subject, now.Actor, changes));
        }
    }

    private static void Compare(List<PropertyChange> changes, string property, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new PropertyChange(property, before, after));
        }
    }

    private static ConclusionDelta Delta(ConditionResult c) =>
        new("condition", c.Id, c.Subject, null, FactValueFormatter.Format(c.Severity), c.Parties, c.Text);

    private static ConclusionDelta Delta(NextStepResult n) => new("nextStep", n.Id, n.Subject, n.Actor, null, [], n.Text);
}
