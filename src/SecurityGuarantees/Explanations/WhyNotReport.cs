using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Explanations;

/// <summary>
/// Why rules did or did not fire in a scenario: each rule's <c>when</c> elements re-evaluated left to right against the
/// final working memory. Immutable.
/// </summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="AsOf">The date the scenario was evaluated at.</param>
/// <param name="Condition">With a condition query: the condition id asked about; otherwise <see langword="null"/>.</param>
/// <param name="ConditionHolds">With a condition query: the keys (<c>id/subject</c>) of the conditions with that id that hold.</param>
/// <param name="Rules">One analysis per rule asked about (with a condition query: every rule whose <c>then</c> derives it, in load order).</param>
public sealed record WhyNotReport(string Scenario, DateOnly AsOf, string? Condition, IReadOnlyList<string> ConditionHolds, IReadOnlyList<RuleAnalysis> Rules);

/// <summary>How one rule's <c>when</c> fared.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Title">The rule's title, if any.</param>
/// <param name="Location">Where the rule is written.</param>
/// <param name="Fired">Whether the rule has conclusions in the final working memory.</param>
/// <param name="Conclusions">What it concluded (<c>Type key</c>), when it fired.</param>
/// <param name="Elements">The top-level <c>when</c> elements in order (a top-level <c>all:</c> is flattened).</param>
/// <param name="FirstFailing">The index in <paramref name="Elements"/> of the first element without a match, or <see langword="null"/>.</param>
public sealed record RuleAnalysis(string Rule, string? Title, SourceLocation Location, bool Fired, IReadOnlyList<string> Conclusions,
    IReadOnlyList<ElementAnalysis> Elements, int? FirstFailing)
{
    /// <summary>
    /// When an element failed: every fact a top-level pattern could bind, with the element where it dropped out (its own
    /// pattern, with the false conjuncts, or a later element). Facts already listed as the failing element's closest are
    /// left out, and so is <c>Today</c>.
    /// </summary>
    public IReadOnlyList<CandidateDropOut> DroppedOut { get; init; } = [];
}

/// <summary>Where one candidate fact dropped out of a rule's <c>when</c>.</summary>
/// <param name="Fact">The fact; when it dropped out at its own pattern, with the conjuncts that are false for it.</param>
/// <param name="Binding">The binding the pattern gives it (the name after <c>as:</c>), or <see langword="null"/> when it has none.</param>
/// <param name="BoundAt">The index in <see cref="RuleAnalysis.Elements"/> of the pattern that binds it.</param>
/// <param name="DroppedAt">The index of the element past which no partial match carries it.</param>
public sealed record CandidateDropOut(CandidateFact Fact, string? Binding, int BoundAt, int DroppedAt);

/// <summary>The outcome of one <c>when</c> element.</summary>
public enum ElementOutcome
{
    /// <summary>At least one match continues past this element.</summary>
    Matched,

    /// <summary>No match gets past this element.</summary>
    Failed,

    /// <summary>Not evaluated: an earlier element failed.</summary>
    NotReached,

    /// <summary>Not analysed (a nested construct why-not does not take apart); see the note.</summary>
    NotAnalysed,
}

/// <summary>One <c>when</c> element re-evaluated.</summary>
/// <param name="Kind">The element kind as written: <c>fact</c>, <c>not</c>, <c>exists</c>, <c>all</c>, <c>any</c>, <c>each</c>, <c>count</c>.</param>
/// <param name="Summary">A one-line summary, e.g. <c>fact: Position as b where ...</c>.</param>
/// <param name="Location">Where the element is written.</param>
/// <param name="Outcome">Matched, failed, not reached or not analysed.</param>
/// <param name="MatchesBefore">How many partial matches reached this element.</param>
/// <param name="MatchesAfter">How many partial matches got past it.</param>
/// <param name="Bindings">Up to a few of the partial matches after it (or, when it failed, before it): the bindings reached.</param>
/// <param name="Closest">When it failed: the candidate facts that came closest (most conjuncts satisfied first), or the facts that defeat a <c>not:</c>.</param>
/// <param name="Nested">When it failed and is a group (<c>all:</c>, <c>any:</c>, a group under <c>not:</c>/<c>exists:</c>): its parts, one level deep.</param>
/// <param name="Note">What else a reader needs, e.g. the count reached against <c>atLeast</c>.</param>
public sealed record ElementAnalysis(string Kind, string Summary, SourceLocation Location, ElementOutcome Outcome, int MatchesBefore, int MatchesAfter,
    IReadOnlyList<WhyNotMatch> Bindings, IReadOnlyList<CandidateFact> Closest, IReadOnlyList<ElementAnalysis> Nested, string? Note);

/// <summary>One partial match: the bindings it has made, in order.</summary>
/// <param name="Bindings">Binding name and the bound value (a fact as <c>Type key</c>, or a number or string).</param>
public sealed record WhyNotMatch(IReadOnlyList<WhyNotBinding> Bindings)
{
    /// <summary>Formats as <c>name = value, ...</c>.</summary>
    public override string ToString() => Bindings.Count == 0 ? "(no bindings)" : string.Join(", ", Bindings.Select(b => $"{b.Name} = {b.Value}"));
}

/// <summary>A binding of a partial match.</summary>
/// <param name="Name">The binding name as written after <c>as:</c>.</param>
/// <param name="Value">The bound fact (<c>Type key</c>) or value.</param>
public sealed record WhyNotBinding(string Name, string Value);

/// <summary>A fact that came close to matching a failing element.</summary>
/// <param name="Type">The fact type.</param>
/// <param name="Key">The fact key.</param>
/// <param name="Location">Where the fact was written in the scenario; <see langword="null"/> for derived facts and <c>Today</c>.</param>
/// <param name="Satisfied">How many conjuncts of the <c>where</c> it satisfies (with the best partial match).</param>
/// <param name="Total">How many conjuncts the <c>where</c> has.</param>
/// <param name="Conjuncts">The conjuncts that are false for it (for a <c>not:</c>'s blocking fact: empty).</param>
/// <param name="With">The partial match the conjuncts were evaluated with (empty when the element uses no earlier binding).</param>
public sealed record CandidateFact(string Type, string Key, SourceLocation? Location, int Satisfied, int Total, IReadOnlyList<ConjunctOutcome> Conjuncts,
    WhyNotMatch With)
{
    /// <summary>The fact as people read it: <c>Type key</c>.</summary>
    public string Label => $"{Type} {Key}";
}

/// <summary>A conjunct of a <c>where</c> evaluated for one candidate fact.</summary>
/// <param name="Text">The conjunct's source text, e.g. <c>stance in ["accepted", "rejected"]</c>.</param>
/// <param name="Location">Where the conjunct is written.</param>
/// <param name="Result">Its value; <see langword="null"/> when evaluating it faulted.</param>
/// <param name="Values">The fields it reads and their values, e.g. <c>stance = pending</c>.</param>
public sealed record ConjunctOutcome(string Text, SourceLocation Location, bool? Result, string Values);
