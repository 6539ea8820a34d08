namespace SecurityGuarantees.Server.Contracts;

/// <summary>The body of <c>POST /v1/diagnostics</c>.</summary>
/// <param name="Kind"><c>rules</c>, <c>scenario</c> or <c>timeline</c>.</param>
/// <param name="Text">The YAML text as the author has it.</param>
public sealed record DiagnosticsRequest(string? Kind, string? Text);

/// <summary>The answer of <c>POST /v1/diagnostics</c>.</summary>
/// <param name="Diagnostics">Every diagnostic of the text, sorted by position.</param>
public sealed record DiagnosticsResponse(IReadOnlyList<RequestDiagnostic> Diagnostics);

/// <summary>A loaded rule in <c>GET /v1/rules</c>.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Title">The title, or <see langword="null"/>.</param>
/// <param name="File">The rule file.</param>
/// <param name="Line">The line of the rule's id.</param>
public sealed record RuleEntry(string Id, string? Title, string File, int Line);

/// <summary>The answer of <c>GET /v1/rules</c>.</summary>
/// <param name="RuleSet">The rule-set hash (also in the <c>SecurityGuarantees-RuleSet</c> header).</param>
/// <param name="Rules">The loaded rules in load order.</param>
public sealed record RulesResponse(string RuleSet, IReadOnlyList<RuleEntry> Rules);

/// <summary>The last reload in <c>GET /healthz</c>.</summary>
/// <param name="At">When it was attempted (UTC, ISO 8601).</param>
/// <param name="Succeeded">Whether the new rules replaced the old ones.</param>
/// <param name="Rules">How many rules are in use after it.</param>
/// <param name="Diagnostics">The diagnostics of a failed reload (compiler-style lines).</param>
public sealed record ReloadEntry(string At, bool Succeeded, int Rules, IReadOnlyList<string> Diagnostics);

/// <summary>The answer of <c>GET /healthz</c>.</summary>
/// <param name="Status"><c>ok</c> or <c>unavailable</c> (no valid rules loaded).</param>
/// <param name="RuleSet">The rule-set hash, or <see langword="null"/> while no valid rules are loaded.</param>
/// <param name="Rules">How many rules are loaded.</param>
/// <param name="Watching">Whether the rule files are watched.</param>
/// <param name="LastReload">The last reload attempt, or <see langword="null"/>.</param>
public sealed record HealthResponse(string Status, string? RuleSet, int Rules, bool Watching, ReloadEntry? LastReload);

/// <summary>An example file of the playground's menu.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Kind"><c>rules</c> or <c>scenario</c>.</param>
/// <param name="Text">The file's text.</param>
public sealed record SampleFile(string Name, string Kind, string Text);

/// <summary>The body of <c>POST /v1/playground/run</c>: the playground's editors and what it asks.</summary>
/// <param name="RulesFile">The name of the server rule file the rules editor replaces (or a new name to add it).</param>
/// <param name="Rules">The rules editor's text; <see langword="null"/>: the server's rules as they are.</param>
/// <param name="Scenario">The scenario editor's text.</param>
/// <param name="AsOf">Evaluate as of this date (yyyy-mm-dd) instead of the scenario's.</param>
/// <param name="ExplainCondition">Explain the conditions with this id (as a Mermaid graph).</param>
/// <param name="ExplainSubject">Only the condition about this subject.</param>
/// <param name="WhyNotRule">Why-not for this rule.</param>
/// <param name="WhyNotCondition">Why-not for this condition id.</param>
public sealed record PlaygroundRequest(string? RulesFile, string? Rules, string? Scenario, string? AsOf, string? ExplainCondition, string? ExplainSubject,
    string? WhyNotRule, string? WhyNotCondition);

/// <summary>The body of <c>POST /v1/completion</c>: where in which text the author asks for completion.</summary>
/// <param name="Kind"><c>rules</c>, <c>scenario</c> or <c>timeline</c>.</param>
/// <param name="Text">The YAML text as the author has it.</param>
/// <param name="Line">1-based line of the cursor.</param>
/// <param name="Column">1-based column of the cursor (UTF-16 code units; one past the last character is the line's end).</param>
/// <param name="RulesFile">For a rule text, the server rule file it takes the place of (as <c>/v1/playground/samples</c> names it); for a scenario, the rule file edited beside it.</param>
/// <param name="Rules">For a scenario, the edited text of <paramref name="RulesFile"/>, when it differs from the server's.</param>
public sealed record CompletionRequest(string? Kind, string? Text, int Line, int Column, string? RulesFile = null, string? Rules = null);

/// <summary>One proposal of <c>POST /v1/completion</c>.</summary>
/// <param name="Label">What the list shows and, unless <paramref name="InsertText"/> is set, what is inserted.</param>
/// <param name="Kind">What it is: key, fact-type, field, binding, function, keyword, enum-value, condition-id, next-step-id, fact-key, rule-id, ...</param>
/// <param name="Detail">A short description: a field's type, a function's signature.</param>
/// <param name="InsertText">The text to insert when it differs from the label.</param>
public sealed record CompletionItem(string Label, string Kind, string? Detail, string? InsertText);

/// <summary>The answer of <c>POST /v1/completion</c>.</summary>
/// <param name="Items">The proposals, in the order the language server gives them.</param>
public sealed record CompletionResponse(IReadOnlyList<CompletionItem> Items);
