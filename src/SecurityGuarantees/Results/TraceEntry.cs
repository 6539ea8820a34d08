namespace SecurityGuarantees.Results;

/// <summary>One author-rule activation in a firing trace (<see cref="EvaluationOptions.Trace"/>), in firing order.</summary>
/// <param name="Step">The timeline step's date, or <see langword="null"/> before the first step (and in a plain evaluation).</param>
/// <param name="Rule">The rule id.</param>
/// <param name="Event">Fired, fired again after a change, or retracted.</param>
/// <param name="Facts">The facts the match bound, as justifications name them (<c>when</c> order; counted facts by key).</param>
public sealed record TraceEntry(DateOnly? Step, string Rule, TraceEvent Event, IReadOnlyList<FactReference> Facts);
