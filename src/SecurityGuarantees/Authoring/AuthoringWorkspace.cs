using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Editor intelligence for rule and scenario files: an immutable snapshot of the open documents and the rule files they
/// are checked against, answering diagnostics (exactly those the command line reports, with end positions), completion,
/// hover, go to definition, find references and document symbols. Every answer comes from the engine's own loaders,
/// expression parser and binder. Works on incomplete text without throwing. Snapshots share their analyses, so an edit
/// re-analyses only the edited file; thread-safe.
/// </summary>
/// <example>
/// <code>
/// var workspace = AuthoringWorkspace.ForFolder("/path/to/workspace").WithDocument(path, text);
/// var diagnostics = workspace.GetDiagnostics(path);
/// var completions = workspace.GetCompletions(path, new TextPosition(12, 30));
/// </code>
/// </example>
public sealed partial class AuthoringWorkspace
{
    private readonly AnalysisCache _cache;
    private readonly bool _builtInRules;
    private readonly ImmutableSortedDictionary<string, string> _ruleFiles;
    private readonly ImmutableSortedDictionary<string, string> _documents;
    private readonly IReadOnlyList<Diagnostic> _configurationProblems;
    private readonly WorkspaceConfiguration? _configuration;
    private readonly Lazy<IReadOnlyList<LoadedRuleFile>> _ruleSources;
    private readonly Lazy<DeclaredTypes> _types;
    private readonly Lazy<IReadOnlyList<RuleFileAnalysis>> _ruleAnalyses;
    private readonly Lazy<ConclusionIds> _conclusionIds;
    private readonly Lazy<LintResult> _lint;

    private AuthoringWorkspace(AnalysisCache cache, bool builtInRules, ImmutableSortedDictionary<string, string> ruleFiles,
        ImmutableSortedDictionary<string, string> documents, IReadOnlyList<Diagnostic> configurationProblems, WorkspaceConfiguration? configuration)
    {
        _cache = cache;
        _builtInRules = builtInRules;
        _ruleFiles = ruleFiles;
        _documents = documents;
        _configurationProblems = configurationProblems;
        _configuration = configuration;
        _ruleSources = new(LoadRules);
        _types = new(() => _cache.TypesOf(_ruleSources.Value));
        _ruleAnalyses = new(AnalyseRules);
        _conclusionIds = new(CollectConclusionIds);
        _lint = new(LintRuleSet);
    }

    /// <summary>An empty workspace: the built-in rules (unless <paramref name="includeBuiltInRules"/> is false) and no documents.</summary>
    /// <param name="includeBuiltInRules">Whether scenarios are checked against the built-in rule set.</param>
    public static AuthoringWorkspace Create(bool includeBuiltInRules = true) =>
        new(new AnalysisCache(), includeBuiltInRules, ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), [], configuration: null);

    /// <summary>
    /// A workspace for a folder: the rule files its <c>securityguarantees.json</c> names (see docs/editors.md), or the
    /// built-in rules plus every <c>*.yaml</c>/<c>*.yml</c> under its <c>rules/</c> folder. Files that cannot be read are skipped.
    /// </summary>
    /// <param name="folder">The workspace root.</param>
    public static AuthoringWorkspace ForFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Create().Read(WorkspaceConfiguration.Read(folder));
    }

    /// <summary>
    /// Reads the workspace folder's <c>securityguarantees.json</c> and rule files again, after they changed on disk; the
    /// open documents (whose text takes the place of a rule file's) and the analyses of unchanged files are kept. A
    /// workspace made by <see cref="Create"/> has no folder and is returned as it is.
    /// </summary>
    public AuthoringWorkspace Reload() => _configuration is null ? this : Read(WorkspaceConfiguration.Read(_configuration.Folder));

    private AuthoringWorkspace Read(WorkspaceConfiguration configuration)
    {
        var ruleFiles = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var path in configuration.RulePaths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsYaml).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : [];
            foreach (var file in files)
            {
                if (SourceFileReader.TryRead(file, LoadLimits.Default, new DiagnosticBag(), out var text))
                {
                    ruleFiles[Path.GetFullPath(file)] = text;
                }
            }
        }

        return new(_cache, configuration.BuiltInRules, ruleFiles.ToImmutable(), _documents, configuration.Problems, configuration);
    }

    /// <summary>Problems with the workspace's <c>securityguarantees.json</c>, if any.</summary>
    public IReadOnlyList<Diagnostic> ConfigurationProblems => _configurationProblems;

    /// <summary>The paths of the open documents.</summary>
    public IReadOnlyList<string> Documents => [.. _documents.Keys];

    /// <summary>The rule files (besides the built-in ones) scenarios are checked against, open or not.</summary>
    public IReadOnlyList<string> RuleFiles => [.. _ruleFiles.Keys.Union(_documents.Where(d => KindOf(d.Value) == AuthoringDocumentKind.Rules).Select(d => d.Key)).Order(StringComparer.Ordinal)];

    /// <summary>Adds or replaces a workspace rule file that is not open in the editor.</summary>
    /// <param name="path">The file's path, as diagnostics name it.</param>
    /// <param name="text">Its content.</param>
    public AuthoringWorkspace WithRuleFile(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        return new(_cache, _builtInRules, _ruleFiles.SetItem(path, text), _documents, _configurationProblems, _configuration);
    }

    /// <summary>Opens a document or replaces its text. An open rule file takes the place of the file on disk.</summary>
    /// <param name="path">The document's path, as diagnostics name it.</param>
    /// <param name="text">Its current text, complete or not.</param>
    public AuthoringWorkspace WithDocument(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        return new(_cache, _builtInRules, _ruleFiles, _documents.SetItem(path, text), _configurationProblems, _configuration);
    }

    /// <summary>Closes a document; a workspace rule file falls back to its text on disk as last given.</summary>
    /// <param name="path">The document's path.</param>
    public AuthoringWorkspace WithoutDocument(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _cache.Forget(path);
        return new(_cache, _builtInRules, _ruleFiles, _documents.Remove(path), _configurationProblems, _configuration);
    }

    /// <summary>The text of an open document, or <see langword="null"/>.</summary>
    /// <param name="path">The document's path.</param>
    public string? GetText(string path) => _documents.GetValueOrDefault(path);

    /// <summary>The text of a rule file the workspace checks against (open, as last read from disk, or built in), or <see langword="null"/>.</summary>
    /// <param name="file">The file as locations name it, e.g. <c>builtin:rules/ceasefire.yaml</c>.</param>
    public string? GetRuleFileText(string file) => _documents.GetValueOrDefault(file) ?? RuleAnalyses.FirstOrDefault(a => a.File == file)?.Text;

    /// <summary>Whether an open document is a rule file or a scenario file (by its top-level keys), or <see langword="null"/> when it is not open.</summary>
    /// <param name="path">The document's path.</param>
    public AuthoringDocumentKind? GetDocumentKind(string path) => _documents.TryGetValue(path, out var text) ? KindOf(text) : null;

    /// <summary>
    /// The diagnostics of an open document, exactly as the command line reports them (codes, messages, hints, start
    /// positions; sorted the same way), each with the span it covers. A rule file gets what loading it does (plus
    /// duplicate rule ids against the workspace's earlier rule files); a scenario file what <c>security-guarantees test</c> gets.
    /// </summary>
    /// <param name="path">The document's path.</param>
    public IReadOnlyList<AuthoringDiagnostic> GetDiagnostics(string path)
    {
        if (!_documents.TryGetValue(path, out var text))
        {
            return [];
        }

        IReadOnlyList<Diagnostic> diagnostics;
        SourceLines lines;
        if (KindOf(text) == AuthoringDocumentKind.Rules)
        {
            var analysis = RulesOf(path, text);
            var bag = new DiagnosticBag();
            bag.AddRange(analysis.Diagnostics);
            bag.AddRange(_types.Value.Diagnostics.Where(d => d.Location.File == path));
            bag.AddRange(DuplicateRuleIds(path));
            diagnostics = bag.Sorted();
            lines = analysis.Lines;
        }
        else
        {
            var analysis = ScenarioOf(path, text);
            diagnostics = analysis.Diagnostics;
            lines = analysis.Lines;
        }

        return [.. diagnostics.Where(d => d.Location.File == path)
            .Select(d => new AuthoringDiagnostic(d, lines.DiagnosticRange(d.Location.Line, d.Location.Column)))];
    }

    internal static AuthoringDocumentKind KindOf(string text) =>
        RuleFileMarker().IsMatch(text) ? AuthoringDocumentKind.Rules : AuthoringDocumentKind.Scenario;

    /// <summary>Every rule file in load order: the built-in ones, the workspace's (open text first), then other open rule files.</summary>
    internal IReadOnlyList<RuleFileAnalysis> RuleAnalyses => _ruleAnalyses.Value;

    internal ConclusionIds ConclusionIds => _conclusionIds.Value;

    /// <summary>The fact types of this snapshot: built-in, domain, and those the rule files declare (<c>types:</c>, <c>enums:</c>).</summary>
    internal FactTypeRegistry Types => _types.Value.Registry;

    internal RuleFileAnalysis RulesOf(string path, string text) => _cache.Rules(path, text, Types);

    internal ScenarioAnalysis ScenarioOf(string path, string text) => _cache.Scenario(path, text, Types);

    private IReadOnlyList<RuleFileAnalysis> AnalyseRules() => [.. _ruleSources.Value.Select(s => _cache.Rules(s.File, s.Text, Types))];

    private IReadOnlyList<LoadedRuleFile> LoadRules()
    {
        var sources = new List<(string File, string Text)>();
        if (_builtInRules)
        {
            sources.AddRange(_cache.BuiltIn);
        }

        sources.AddRange(_ruleFiles.Select(f => (f.Key, _documents.GetValueOrDefault(f.Key) ?? f.Value)));
        sources.AddRange(_documents.Where(d => !_ruleFiles.ContainsKey(d.Key) && KindOf(d.Value) == AuthoringDocumentKind.Rules)
            .Select(d => (d.Key, d.Value)));
        return [.. sources.Select(s => _cache.Load(s.File, s.Text))];
    }

    private ConclusionIds CollectConclusionIds()
    {
        var actions = RuleAnalyses.SelectMany(a => a.Rules).SelectMany(r => r.Then).ToList();
        return new ConclusionIds(
            [.. actions.OfType<ConditionActionSyntax>().Select(c => c.Id.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. actions.OfType<NextStepActionSyntax>().Select(c => c.Id.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Rule ids of <paramref name="path"/> already used earlier in load order, reported as the rule set compiler does.</summary>
    private IEnumerable<Diagnostic> DuplicateRuleIds(string path)
    {
        var seen = new Dictionary<string, RuleSyntax>(StringComparer.Ordinal);
        var bag = new DiagnosticBag();
        foreach (var analysis in RuleAnalyses)
        {
            foreach (var rule in analysis.Rules)
            {
                if (seen.TryGetValue(rule.Id, out var first))
                {
                    if (analysis.File == path)
                    {
                        bag.Error(DiagnosticCodes.DuplicateRuleId, rule.Location, $"rule id '{rule.Id}' is already used (at {first.Location})",
                            "rule ids are unique across every loaded file; rename one");
                    }

                    continue;
                }

                seen.Add(rule.Id, rule);
            }
        }

        return bag.Items;
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(rules|ruleset|types|enums)\s*:", RegexOptions.Multiline)]
    private static partial Regex RuleFileMarker();
}
