namespace SecurityGuarantees.WhatIf;

/// <summary>A conclusion that appears or disappears under the new rules, as it is where it holds.</summary>
/// <param name="Kind"><c>condition</c> or <c>nextStep</c>.</param>
/// <param name="Id">The condition or next-step id.</param>
/// <param name="Subject">Its subject, or <see langword="null"/>.</param>
/// <param name="Actor">For a next step, the party that should act; otherwise <see langword="null"/>.</param>
/// <param name="Severity">For a condition, its severity (<c>info</c>, <c>warning</c>, …); otherwise <see langword="null"/>.</param>
/// <param name="Parties">For a condition, its parties; otherwise empty.</param>
/// <param name="Text">Its sentence.</param>
public sealed record ConclusionDelta(string Kind, string Id, string? Subject, string? Actor, string? Severity, IReadOnlyList<string> Parties, string? Text)
{
    /// <summary>How the conclusion reads in reports: <c>condition id (subject)</c> or <c>next step id -&gt; actor (subject)</c>.</summary>
    public string Label => Kind == "condition"
        ? "condition " + new ConditionKey(Id, Subject)
        : "next step " + new NextStepKey(Id, Actor, Subject);
}

/// <summary>One property of a conclusion that differs between the rule sets.</summary>
/// <param name="Property"><c>severity</c>, <c>parties</c>, <c>text</c>, <c>actor</c> or <c>priority</c>.</param>
/// <param name="Before">Its value under the base rules.</param>
/// <param name="After">Its value under the new rules.</param>
public sealed record PropertyChange(string Property, string Before, string After);

/// <summary>A conclusion that holds under both rule sets with different content.</summary>
/// <param name="Kind"><c>condition</c> or <c>nextStep</c>.</param>
/// <param name="Id">The id.</param>
/// <param name="Subject">The subject, or <see langword="null"/>.</param>
/// <param name="Actor">For a next step, its actor under the new rules.</param>
/// <param name="Changes">What differs.</param>
public sealed record ConclusionChange(string Kind, string Id, string? Subject, string? Actor, IReadOnlyList<PropertyChange> Changes)
{
    /// <summary>How the conclusion reads in reports.</summary>
    public string Label => Kind == "condition"
        ? "condition " + new ConditionKey(Id, Subject)
        : "next step " + new NextStepKey(Id, Actor, Subject);
}

/// <summary>The differences at one point of a scenario: its evaluation at <c>asOf</c>, or after one timeline step.</summary>
/// <param name="On">The date of the point.</param>
/// <param name="Step">Whether the point is a timeline step (otherwise the scenario as written).</param>
/// <param name="Note">The step's note, or <see langword="null"/>.</param>
/// <param name="Added">Conclusions that hold under the new rules only.</param>
/// <param name="Removed">Conclusions that hold under the base rules only.</param>
/// <param name="Changed">Conclusions that hold under both with different severity, parties, text, actor or priority.</param>
public sealed record ImpactPoint(DateOnly On, bool Step, string? Note, IReadOnlyList<ConclusionDelta> Added, IReadOnlyList<ConclusionDelta> Removed,
    IReadOnlyList<ConclusionChange> Changed)
{
    /// <summary>Whether anything differs here.</summary>
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;
}

/// <summary>How one scenario (and each of its timeline steps) fares under the new rules compared with the base rules.</summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="File">The scenario file.</param>
/// <param name="Points">The scenario as written, then each timeline step, in order.</param>
public sealed record ScenarioImpact(string Scenario, string File, IReadOnlyList<ImpactPoint> Points)
{
    /// <summary>Whether any point differs.</summary>
    public bool HasChanges => Points.Any(p => p.HasChanges);
}

/// <summary>The rule-change impact over a set of scenarios. Immutable; scenarios in the order given.</summary>
/// <param name="BaseRules">How the base rules were named (a folder, <c>git:rev</c>, <c>builtin</c>).</param>
/// <param name="NewRules">How the new rules were named.</param>
/// <param name="Scenarios">Every scenario compared.</param>
public sealed record RuleImpactReport(string BaseRules, string NewRules, IReadOnlyList<ScenarioImpact> Scenarios)
{
    /// <summary>Whether any scenario's conclusions differ.</summary>
    public bool HasChanges => Scenarios.Any(s => s.HasChanges);
}
