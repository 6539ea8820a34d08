using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Explanations;

/// <summary>
/// The justification trees of the conclusions of one scenario: for each conclusion, the rules that derived it, the
/// facts each rule matched and, for matched derived facts, their own justifications. Immutable.
/// </summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="AsOf">The date the scenario was evaluated at.</param>
/// <param name="ScenarioFile">The scenario file, or <see langword="null"/> for a scenario built in code.</param>
/// <param name="Conclusions">The explained conclusions: conditions (by id, subject), next steps (by actor, id, subject), inserted facts (by type, key).</param>
public sealed record Explanation(string Scenario, DateOnly AsOf, string? ScenarioFile, IReadOnlyList<ExplanationNode> Conclusions);

/// <summary>Where a fact of an explanation comes from.</summary>
public enum ExplainedFactOrigin
{
    /// <summary>Written in the scenario file (or given in code).</summary>
    Scenario,

    /// <summary>The <c>Today</c> fact, from the scenario's <c>asOf</c>.</summary>
    Today,

    /// <summary>Derived by rules: a condition, a next step or an inserted fact.</summary>
    Derived,
}

/// <summary>One fact of a justification tree.</summary>
/// <param name="Type">The registered fact type name, e.g. <c>Position</c> or <c>Condition</c>.</param>
/// <param name="Key">The fact's key, e.g. <c>jeddah-ceasefire/RU</c>.</param>
/// <param name="Origin">Scenario fact, <c>Today</c>, or derived.</param>
/// <param name="Text">The sentence of a condition or next step; otherwise <see langword="null"/>.</param>
/// <param name="Location">Where a scenario fact was written; <see langword="null"/> for other facts and for facts built in code.</param>
/// <param name="Justifications">For a derived fact, why it holds (sorted by rule id, then facts); empty otherwise and when <paramref name="ExplainedAbove"/>.</param>
/// <param name="ExplainedAbove">
/// A derived fact already explained earlier in the same conclusion's tree (this also cuts cycles); its justifications
/// are not repeated.
/// </param>
public sealed record ExplanationNode(string Type, string Key, ExplainedFactOrigin Origin, string? Text, SourceLocation? Location,
    IReadOnlyList<ExplanationJustification> Justifications, bool ExplainedAbove)
{
    /// <summary>The fact as people read it: <c>Type key</c>.</summary>
    public string Label => $"{Type} {Key}";
}

/// <summary>One reason a derived fact holds: a rule and the facts it matched, in <c>when</c> order.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Title">The rule's title, if it has one.</param>
/// <param name="RuleLocation">Where the rule is written.</param>
/// <param name="Matched">The facts it matched (each counted fact of a <c>count:</c> too).</param>
public sealed record ExplanationJustification(string Rule, string? Title, SourceLocation RuleLocation, IReadOnlyList<ExplanationNode> Matched);

/// <summary>Which conclusions to explain; with neither <see cref="Condition"/> nor <see cref="NextStep"/>, every conclusion.</summary>
public sealed record ExplanationQuery
{
    /// <summary>Explain the conditions with this id.</summary>
    public string? Condition { get; init; }

    /// <summary>Explain the next steps with this id.</summary>
    public string? NextStep { get; init; }

    /// <summary>Only conclusions about this subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Only next steps for this actor.</summary>
    public string? Actor { get; init; }
}
