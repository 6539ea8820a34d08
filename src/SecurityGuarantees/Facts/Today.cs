namespace SecurityGuarantees.Facts;

/// <summary>The one fact that says which day it is in the scenario (its <c>asOf</c>, or a timeline step's <c>on</c>).</summary>
public sealed record Today
{
    /// <summary>The scenario's current date; it also names the fact in justifications.</summary>
    [FactKey]
    public DateOnly Date { get; init; }
}
