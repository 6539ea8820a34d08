namespace SecurityGuarantees;

/// <summary>A loaded rule as a listing shows it: id, title and where it is written.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Title">The rule's title, or <see langword="null"/>.</param>
/// <param name="File">The rule file (see <see cref="RuleFileText.File"/>).</param>
/// <param name="Line">The 1-based line of the rule's <c>id</c>.</param>
public sealed record RuleSummary(string Id, string? Title, string File, int Line);
