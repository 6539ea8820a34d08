using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Authoring;

// Lint notes: the checks of `security-guarantees lint`, which need the whole rule set compiled.
public sealed partial class AuthoringWorkspace
{
    /// <summary>
    /// What <c>security-guarantees lint</c> adds for an open rule document to what <see cref="GetDiagnostics"/> gives:
    /// unused bindings, conditions nobody derives or reads, rules that can never fire, duplicate conclusions, cycles
    /// (codes SG07xx, with the CLI's severities, messages, hints and positions). It is the lint of the workspace's
    /// whole rule set (the built-in rules, if included, and every workspace rule file, open ones with their text) as
    /// <c>lint --rules builtin --rules &lt;the workspace's rule files&gt;</c> run at the workspace folder reports it,
    /// with the <c>expect:</c> blocks of the configured scenarios. Empty while the rule set has load errors (lint
    /// reports nothing then either) or a configured scenario file does not load.
    /// </summary>
    /// <remarks>
    /// This compiles the rule set, which takes far longer than a keystroke: call it when the author saves or stops
    /// typing. The result is computed once per snapshot, for every rule file at once.
    /// </remarks>
    /// <param name="path">The document's path.</param>
    public IReadOnlyList<AuthoringDiagnostic> GetLintDiagnostics(string path)
    {
        if (!_documents.TryGetValue(path, out var text) || KindOf(text) != AuthoringDocumentKind.Rules)
        {
            return [];
        }

        if (!_lint.Value.ByFile.TryGetValue(path, out var notes))
        {
            return [];
        }

        // Load warnings are in the document's own diagnostics already; lint repeats them.
        var own = GetDiagnostics(path).Select(d => d.Diagnostic).ToHashSet();
        var lines = RulesOf(path, text).Lines;
        return [.. notes.Where(d => !own.Contains(d)).Select(d => new AuthoringDiagnostic(d, lines.DiagnosticRange(d.Location.Line, d.Location.Column)))];
    }

    private LintResult LintRuleSet()
    {
        var builder = new ScenarioEngineBuilder();
        if (_builtInRules)
        {
            builder.AddBuiltInRules();
        }

        foreach (var analysis in _ruleSources.Value.Where(a => !a.File.StartsWith(BuiltInPrefix, StringComparison.Ordinal)))
        {
            builder.AddRuleText(analysis.File, analysis.Text);
        }

        try
        {
            var engine = builder.Build();
            var scenarios = _configuration?.ScenarioPaths is { Count: > 0 } paths ? paths : null;
            var findings = engine.Lint(scenarios);
            return new LintResult(findings.GroupBy(d => d.Location.File, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)[.. g], StringComparer.Ordinal));
        }
        catch (RuleLoadException)
        {
            return new LintResult(new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal));
        }
    }

    private const string BuiltInPrefix = "builtin:";

    /// <summary>The lint findings of one snapshot's rule set, by file.</summary>
    private sealed record LintResult(IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> ByFile);
}
