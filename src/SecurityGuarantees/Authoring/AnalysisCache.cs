using System.Collections.Concurrent;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// The analyses every snapshot of one workspace shares: a file is analysed again only when its text changed, so a
/// keystroke costs one file, not the rule set. Thread-safe.
/// </summary>
internal sealed class AnalysisCache
{
    private readonly ConcurrentDictionary<string, RuleFileAnalysis> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScenarioAnalysis> _scenarios = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, ExpressionScope>> _scopeMemory = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<(string File, string Text)>> _builtIn = new(() => [.. ScenarioEngineBuilder.ReadBuiltIn()]);

    public FactTypeRegistry Types { get; } = ScenarioEngineBuilder.DefaultTypes();

    public IReadOnlyList<(string File, string Text)> BuiltIn => _builtIn.Value;

    public RuleFileAnalysis Rules(string file, string text)
    {
        if (_rules.TryGetValue(file, out var cached) && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return cached;
        }

        var analysis = RuleFileAnalysis.Analyze(file, text, Types);
        _rules[file] = analysis;
        var memory = _scopeMemory.GetOrAdd(file, _ => new ConcurrentDictionary<int, ExpressionScope>());
        foreach (var entry in analysis.Scopes.Entries)
        {
            memory[entry.Text.Location.Line] = entry;
        }

        return analysis;
    }

    /// <summary>
    /// The last scope recorded at a line of a file, from any earlier text of it: while a rule has a structural error
    /// (a key half typed), the loader drops it and its expressions are not bound, but completion still needs their scope.
    /// </summary>
    public ExpressionScope? RememberedScope(string file, int line) =>
        _scopeMemory.TryGetValue(file, out var memory) && memory.TryGetValue(line, out var scope) ? scope : null;

    public ScenarioAnalysis Scenario(string file, string text)
    {
        if (_scenarios.TryGetValue(file, out var cached) && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return cached;
        }

        var analysis = ScenarioAnalysis.Analyze(file, text, Types);
        _scenarios[file] = analysis;
        return analysis;
    }

    public void Forget(string file)
    {
        _scenarios.TryRemove(file, out _);
        _scopeMemory.TryRemove(file, out _);
    }
}
