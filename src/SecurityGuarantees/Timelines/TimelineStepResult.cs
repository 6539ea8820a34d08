using SecurityGuarantees.Results;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// What one timeline step changed, compared with the state before it. Conclusions are compared by identity — a
/// condition by (id, subject), a next step by (id, actor, subject) — so a conclusion is in at most one of
/// <see cref="Added"/>, <see cref="Removed"/> and <see cref="Changed"/>.
/// </summary>
/// <param name="On">The step's date.</param>
/// <param name="Note">The step's note, or <see langword="null"/>.</param>
/// <param name="Added">Conclusions that hold after the step and did not before.</param>
/// <param name="Removed">Conclusions that held before the step and do not after it (as they were before).</param>
/// <param name="Changed">
/// Conclusions that hold before and after with a different content (as they are after): for a condition its parties,
/// severity or text; for a next step its priority or text. New or lost justifications alone are not a change.
/// </param>
/// <param name="State">Everything that holds after the step, as an evaluation result dated <paramref name="On"/>.</param>
public sealed record TimelineStepResult(DateOnly On, string? Note, TimelineChanges Added, TimelineChanges Removed, TimelineChanges Changed,
    EvaluationResult State);
