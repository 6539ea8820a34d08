namespace SecurityGuarantees.Results;

/// <summary>One reason a conclusion holds: the rule that derived it and the facts it matched, in <c>when</c> order.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Because">The facts bound by the rule's patterns (and counted by its <c>count:</c> elements).</param>
public sealed record Justification(string Rule, IReadOnlyList<FactReference> Because);
