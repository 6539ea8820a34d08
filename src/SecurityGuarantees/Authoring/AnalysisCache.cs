using System.Collections.Immutable;
using System.Collections.Concurrent;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// The analyses every snapshot of one workspace shares: a file is analysed again only when its text changed, so a
/// keystroke costs one file, not the rule set. Thread-safe.
/// </summary>
internal sealed class AnalysisCache
{
    private readonly ConcurrentDictionary<string, LoadedRuleFile> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeclaredTypes> _declared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RuleFileAnalysis> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScenarioAnalysis> _scenarios = new(StringComparer.Ordinal);
    private const int RememberedTexts = 16;

    private readonly ConcurrentDictionary<string, ImmutableList<RuleFileAnalysis>> _history = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<(string File, string Text)>> _builtIn = new(() => [.. ScenarioEngineBuilder.ReadBuiltIn()]);

    public IReadOnlyList<(string File, string Text)> BuiltIn => _builtIn.Value;

    /// <summary>A rule file as the loader reads it (no binding), cached by text.</summary>
    public LoadedRuleFile Load(string file, string text)
    {
        if (_loaded.TryGetValue(file, out var cached) && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return cached;
        }

        var loaded = LoadedRuleFile.Load(file, text);
        _loaded[file] = loaded;
        return loaded;
    }

    /// <summary>
    /// The fact types of rule files loaded together: the built-in and domain types plus what the files declare
    /// (<c>enums:</c>, <c>types:</c>), registered as the engine does, with the declarations' diagnostics. The same
    /// declarations (at the same places) give the same registry, so analyses bound against it stay valid.
    /// </summary>
    public DeclaredTypes TypesOf(IReadOnlyList<LoadedRuleFile> files)
    {
        var declaring = files.Where(f => f.Syntax is { } s && (s.Enums.Count > 0 || s.Types.Count > 0)).Select(f => f.Syntax!).ToList();
        var key = DeclaredTypes.KeyOf(declaring);
        if (_declared.TryGetValue(key, out var known))
        {
            return known;
        }

        var registry = ScenarioEngineBuilder.DefaultTypes();
        var diagnostics = new DiagnosticBag();
        DeclaredTypeBinder.Register(declaring, registry, diagnostics);
        if (_declared.Count >= RememberedTexts)
        {
            _declared.Clear();
        }

        return _declared.GetOrAdd(key, new DeclaredTypes(registry, diagnostics.Items));
    }

    /// <summary>
    /// A declared type as an earlier text of the workspace declared it: while the file that declares it does not load
    /// (a flow list half typed), completion in its declaration still needs its fields.
    /// </summary>
    public FactTypeDescriptor? RememberedDeclaredType(string name) =>
        _declared.Values.Select(d => d.Registry.Find(name)).FirstOrDefault(t => t is { IsDeclared: true });

    /// <summary>A rule file loaded and bound against <paramref name="types"/>, cached by text and types.</summary>
    public RuleFileAnalysis Rules(string file, string text, FactTypeRegistry types)
    {
        if (_rules.TryGetValue(file, out var cached) && string.Equals(cached.Text, text, StringComparison.Ordinal) && cached.Types == types)
        {
            return cached;
        }

        var analysis = RuleFileAnalysis.Analyze(Load(file, text), types);
        _rules[file] = analysis;
        if (analysis.Scopes.Entries.Count > 0)
        {
            _history.AddOrUpdate(file, _ => [analysis], (_, list) => (list.Count >= RememberedTexts ? list.RemoveAt(0) : list).Add(analysis));
        }

        return analysis;
    }

    /// <summary>
    /// The scope recorded for the expression whose key is now on <paramref name="line"/> of <paramref name="text"/>, from
    /// the most recent earlier text of the file that had one there. While a rule has a structural error (a key half
    /// typed), the loader drops it, or the whole file when the YAML does not parse, and its expressions are not bound;
    /// completion still needs their scope. An earlier text's line is found past the edit: lines before the first changed
    /// line keep their number, lines after the last changed one move by the difference in line count.
    /// </summary>
    public ExpressionScope? RememberedScope(string file, string text, int line)
    {
        if (!_history.TryGetValue(file, out var history))
        {
            return null;
        }

        var current = new SourceLines(text);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var earlier = history[i];
            foreach (var mapped in EarlierLines(earlier.Lines, current, line))
            {
                if (earlier.Scopes.Entries.FirstOrDefault(e => e.Text.Location.Line == mapped) is { } scope)
                {
                    return scope;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="line"/> of the current text was in an earlier one: unchanged before the first changed line,
    /// moved by the difference in line count after the last; inside the changed lines, either, if that line has the same key.
    /// </summary>
    private static IEnumerable<int> EarlierLines(SourceLines earlier, SourceLines current, int line)
    {
        var prefix = 0;
        while (prefix < earlier.Count && prefix < current.Count && earlier[prefix + 1] == current[prefix + 1])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < earlier.Count - prefix && suffix < current.Count - prefix && earlier[earlier.Count - suffix] == current[current.Count - suffix])
        {
            suffix++;
        }

        var shift = current.Count - earlier.Count;
        if (line <= prefix)
        {
            yield return line;
        }
        else if (line > current.Count - suffix)
        {
            yield return line - shift;
        }
        else
        {
            var key = KeyOf(current[line]);
            foreach (var candidate in new[] { line - shift, line }.Distinct())
            {
                if (KeyOf(earlier[candidate]) == key)
                {
                    yield return candidate;
                }
            }
        }
    }

    private static string KeyOf(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? line.Trim() : line[..colon].Trim();
    }

    public ScenarioAnalysis Scenario(string file, string text, FactTypeRegistry types)
    {
        if (_scenarios.TryGetValue(file, out var cached) && string.Equals(cached.Text, text, StringComparison.Ordinal) && cached.Types == types)
        {
            return cached;
        }

        var analysis = ScenarioAnalysis.Analyze(file, text, types);
        _scenarios[file] = analysis;
        return analysis;
    }

    public void Forget(string file)
    {
        _loaded.TryRemove(file, out _);
        _scenarios.TryRemove(file, out _);
        _history.TryRemove(file, out _);
    }
}
