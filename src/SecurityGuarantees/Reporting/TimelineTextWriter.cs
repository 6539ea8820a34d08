using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="TimelineResult"/> for people: what holds at the start, then per step its date, its note and a
/// <c>+</c> line for each conclusion that appears (with its text, and for a condition its reasons), a <c>~</c> line for
/// each that changes (with its new text) and a <c>-</c> line for each that goes, then what holds at the end.
/// </summary>
public static class TimelineTextWriter
{
    /// <summary>Writes the report, with <c>\n</c> line ends.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="description">An optional line under the title, e.g. the scenario's description.</param>
    public static void Write(TimelineResult result, TextWriter output, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        void Line(string text = "") => output.Write(text + "\n");

        var steps = result.Steps.Count == 1 ? "1 step" : $"{result.Steps.Count} steps";
        Line($"Timeline {result.Scenario}, {Format(result.AsOf)} to {Format(result.Final.AsOf)} ({steps})");
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line(description.Trim());
        }

        Line();
        Line($"At the start, {Format(result.AsOf)}");
        WriteState(result.Initial, Line);
        foreach (var step in result.Steps)
        {
            Line();
            Line(string.IsNullOrWhiteSpace(step.Note) ? Format(step.On) : $"{Format(step.On)}  {step.Note.Trim()}");
            if (step.Added.IsEmpty && step.Removed.IsEmpty && step.Changed.IsEmpty)
            {
                Line("  no change");
                continue;
            }

            foreach (var condition in step.Added.Conditions)
            {
                Line($"  + {ConditionLine(condition)}");
                Details(condition.Text, condition.Justifications, Line);
            }

            foreach (var nextStep in step.Added.NextSteps)
            {
                Line($"  + {NextStepLine(nextStep)}");
                Details(nextStep.Text, [], Line);
            }

            foreach (var condition in step.Changed.Conditions)
            {
                Line($"  ~ {ConditionLine(condition)}");
                Details(condition.Text, [], Line);
            }

            foreach (var nextStep in step.Changed.NextSteps)
            {
                Line($"  ~ {NextStepLine(nextStep)}");
                Details(nextStep.Text, [], Line);
            }

            foreach (var condition in step.Removed.Conditions)
            {
                Line($"  - {ConditionLine(condition)}");
            }

            foreach (var nextStep in step.Removed.NextSteps)
            {
                Line($"  - {NextStepLine(nextStep)}");
            }
        }

        Line();
        Line($"At the end, {Format(result.Final.AsOf)}");
        WriteState(result.Final, Line);
    }

    private static void WriteState(EvaluationResult state, Action<string> line)
    {
        if (state.Conditions.Count == 0)
        {
            line("  No conditions hold.");
        }

        foreach (var condition in state.Conditions.OrderByDescending(c => c.Severity).ThenBy(c => c.Id, StringComparer.Ordinal)
                     .ThenBy(c => c.Subject, StringComparer.Ordinal))
        {
            line($"  {ConditionLine(condition)}");
        }

        if (state.NextSteps.Count == 0)
        {
            line("  No next steps follow.");
        }

        foreach (var nextStep in state.NextSteps)
        {
            line($"  {NextStepLine(nextStep)}");
        }
    }

    private static void Details(string? text, IReadOnlyList<Justification> justifications, Action<string> line)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            line($"      {text}");
        }

        foreach (var reason in justifications)
        {
            line($"      because {TextReportWriter.Because(reason)}");
        }
    }

    internal static string ConditionLine(ConditionResult condition)
    {
        var parties = condition.Parties.Count > 0 ? $" [{string.Join(", ", condition.Parties)}]" : "";
        return $"condition  {TextReportWriter.SeverityLabel(condition.Severity),-8} {condition.Id}{About(condition.Subject)}{parties}";
    }

    internal static string NextStepLine(NextStepResult nextStep) =>
        $"next step  {(nextStep.Actor ?? "(anyone)") + ":",-8} {nextStep.Id}{About(nextStep.Subject)}"
        + (nextStep.Priority != 0 ? $" (priority {nextStep.Priority})" : "");

    private static string About(string? subject) => subject is null ? "" : $" ({subject})";

    private static string Format(DateOnly date) => FactValueFormatter.Format(date);
}
