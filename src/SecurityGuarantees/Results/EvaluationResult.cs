namespace SecurityGuarantees.Results;

/// <summary>What holds in a scenario: conditions and next steps with their reasons. Immutable; sorted ordinally.</summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="AsOf">The date the scenario was evaluated at.</param>
/// <param name="Conditions">Conditions by id, then subject.</param>
/// <param name="NextSteps">Next steps by actor, id, then subject.</param>
/// <param name="InsertedFacts">Facts inserted by rules, by type then key.</param>
/// <param name="RulesFired">How many rule firings the evaluation took (including the engine's own bookkeeping rules).</param>
public sealed record EvaluationResult(
    string Scenario,
    DateOnly AsOf,
    IReadOnlyList<ConditionResult> Conditions,
    IReadOnlyList<NextStepResult> NextSteps,
    IReadOnlyList<InsertedFactResult> InsertedFacts,
    int RulesFired)
{
    /// <summary>
    /// The firing trace when <see cref="EvaluationOptions.Trace"/> was on (of the whole session so far), else
    /// <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<TraceEntry>? Trace { get; init; }
}
