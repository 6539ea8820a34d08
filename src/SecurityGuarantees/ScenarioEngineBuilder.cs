using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Syntax;
using SecurityGuarantees.Telemetry;

namespace SecurityGuarantees;

/// <summary>
/// Collects rule sources and fact types and builds an immutable, thread-safe <see cref="ScenarioEngine"/>.
/// Without rule sources, the built-in rule set is used.
/// </summary>
/// <example>
/// <code>
/// var engine = new ScenarioEngineBuilder().AddBuiltInRules().AddRules("my-rules/").Build();
/// var result = engine.Evaluate(engine.LoadScenario("scenario.yaml"));
/// </code>
/// </example>
public sealed class ScenarioEngineBuilder
{
    /// <summary>The resource-name prefix of the built-in rule files embedded in this assembly.</summary>
    internal const string BuiltInResourcePrefix = "SecurityGuarantees.Rules.";

    private readonly List<RuleSource> _sources = [];
    private readonly List<(Type Type, string? Name)> _factTypes = [];
    private int? _maxFirings;
    private TimeProvider _timeProvider = TimeProvider.System;
    private bool _fastCompile = true;
    private bool? _indexedJoins = IndexedJoinsDefault();
    private bool _directConclusions = DirectConclusionsDefault();
    private bool _linkedInBatches = LinkedInBatchesDefault();
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private InputLimits _limits = InputLimits.Default;

    /// <summary>Adds a rule file, or every <c>*.yaml</c>/<c>*.yml</c> file under a folder (recursively, in ordinal order).</summary>
    /// <param name="path">A file or folder path.</param>
    public ScenarioEngineBuilder AddRules(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _sources.Add(string.Equals(path, "builtin", StringComparison.Ordinal) ? new RuleSource.BuiltIn() : new RuleSource.Path(path));
        return this;
    }

    /// <summary>Adds rules from YAML text.</summary>
    /// <param name="sourceName">The name diagnostics use for the text, e.g. a file name.</param>
    /// <param name="yaml">The rule file content.</param>
    public ScenarioEngineBuilder AddRuleText(string sourceName, string yaml)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(yaml);
        _sources.Add(new RuleSource.Text(sourceName, yaml));
        return this;
    }

    /// <summary>Adds the built-in security-guarantee rule set (the repository's <c>rules/</c>), to combine it with others.</summary>
    public ScenarioEngineBuilder AddBuiltInRules()
    {
        _sources.Add(new RuleSource.BuiltIn());
        return this;
    }

    /// <summary>Registers a fact type so scenarios and rules can use it by name.</summary>
    /// <typeparam name="T">A class with a parameterless constructor, settable (or init) properties and a key.</typeparam>
    /// <param name="name">The name in YAML; defaults to the CLR type name.</param>
    public ScenarioEngineBuilder AddFactType<T>(string? name = null)
        where T : class => AddFactType(typeof(T), name);

    /// <summary>Registers a fact type so scenarios and rules can use it by name.</summary>
    /// <param name="type">A class with a parameterless constructor, settable (or init) properties and a key.</param>
    /// <param name="name">The name in YAML; defaults to the CLR type name.</param>
    public ScenarioEngineBuilder AddFactType(Type type, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        _factTypes.Add((type, name));
        return this;
    }

    /// <summary>
    /// Bounds author rule firings per evaluation, so a rule set that loops stops with an error. Without it the bound is
    /// 10,000, or 4 per scenario fact when that is more.
    /// </summary>
    /// <param name="maxFirings">A positive number.</param>
    public ScenarioEngineBuilder WithMaxFirings(int maxFirings)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFirings);
        _maxFirings = maxFirings;
        return this;
    }

    /// <summary>
    /// Bounds on file sizes, fact and rule counts and expression length and depth (defaults: <see cref="InputLimits.Default"/>).
    /// They apply to the rule files of this build and to every scenario the engine loads.
    /// </summary>
    /// <param name="limits">The limits; start from <c>InputLimits.Default with { … }</c>.</param>
    public ScenarioEngineBuilder WithLimits(InputLimits limits)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        return this;
    }

    /// <summary>The clock for the default <c>asOf</c> (today's UTC date) of scenarios that do not set one.</summary>
    /// <param name="timeProvider">The clock.</param>
    public ScenarioEngineBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>
    /// Where the engine logs: the load (files, rule count, compile time) at Information, each evaluation at Debug.
    /// Without it, nothing is logged; metrics and activities are reported either way.
    /// </summary>
    /// <param name="loggerFactory">The logger factory; the category is <c>SecurityGuarantees.ScenarioEngine</c>.</param>
    public ScenarioEngineBuilder WithLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    /// <summary>
    /// Whether equi-joins (<c>where: proposal == p.id</c>) on scenario fact types that no rule inserts are compiled as index
    /// lookups. Each left fact then reads one bucket of a per-evaluation index instead of NRules comparing it with every
    /// fact of the type, so evaluation time grows linearly with the data; on a small scenario the index costs more than it
    /// saves. By default (neither called nor set by the environment) both are used: scenarios of fewer than
    /// <see cref="ScenarioEngine.IndexedJoinsFromFacts"/> facts run on NRules' own joins, larger ones on index lookups (that
    /// network is compiled on the first such scenario). <see langword="true"/> uses index lookups for every scenario,
    /// <see langword="false"/> for none. Results, justifications and timelines are the same either way; force one only to
    /// compare, or to rule it out when reporting a problem. The environment variable
    /// <c>SECURITYGUARANTEES_INDEXED_JOINS</c> (<c>1</c>/<c>0</c>) sets the default.
    /// </summary>
    /// <param name="enabled">Compile indexed joins for every scenario (<see langword="true"/>) or for none.</param>
    public ScenarioEngineBuilder WithIndexedJoins(bool enabled)
    {
        _indexedJoins = enabled;
        return this;
    }

    /// <summary>The default of <see cref="WithIndexedJoins"/> whatever the environment says: both networks, by scenario size.</summary>
    internal ScenarioEngineBuilder WithIndexedJoinsBySize()
    {
        _indexedJoins = null;
        return this;
    }

    /// <summary>
    /// Whether conclusions that can only ever have one support are linked directly, without a support fact and the merge
    /// rule (default: on; <c>SECURITYGUARANTEES_DIRECT_CONCLUSIONS=0</c> turns the default off). Results are the same
    /// either way; internal, for the equivalence tests and comparisons.
    /// </summary>
    internal ScenarioEngineBuilder WithDirectConclusions(bool enabled)
    {
        _directConclusions = enabled;
        return this;
    }

    /// <summary>
    /// Whether sessions propagate the facts rules link (conclusions, supports, inserts) after batches of firings instead
    /// of after each one, when the rules have no feedback cycle (default: on; <c>SECURITYGUARANTEES_LINKED_IN_BATCHES=0</c> turns the
    /// default off). Evaluations, timelines and what-if use it; explanations and why-not keep one firing at a time.
    /// Results are the same either way: without a cycle the rules support one set of conclusions whatever the order, and
    /// a batched run that faults is run again one firing at a time. Only <see cref="Results.EvaluationResult.RulesFired"/>
    /// can differ (a batch fires matches that a conclusion of the same batch then undoes). Internal, for the equivalence
    /// tests and comparisons.
    /// </summary>
    internal ScenarioEngineBuilder WithLinkedFactsInBatches(bool enabled)
    {
        _linkedInBatches = enabled;
        return this;
    }

    /// <summary>Compiles rule expressions with the framework's compiler instead of FastExpressionCompiler.</summary>
    internal ScenarioEngineBuilder WithFrameworkExpressionCompiler()
    {
        _fastCompile = false;
        return this;
    }

    /// <summary>Loads, type-checks and compiles everything.</summary>
    /// <returns>The engine.</returns>
    /// <exception cref="RuleLoadException">Any rule file or fact type has errors; all of them are listed.</exception>
    public ScenarioEngine Build()
    {
        var logger = _loggerFactory.CreateLogger<ScenarioEngine>();
        var started = _timeProvider.GetTimestamp();
        using var expressionLimits = Expressions.ExpressionLimits.Use(_limits.MaxExpressionLength, _limits.MaxExpressionDepth);
        var diagnostics = new DiagnosticBag();
        var types = DefaultTypes();

        foreach (var (type, name) in _factTypes)
        {
            foreach (var problem in types.Register(name ?? type.Name, type))
            {
                diagnostics.Error(DiagnosticCodes.FactTypeRegistration, new SourceLocation(type.FullName ?? type.Name, 0, 0), problem,
                    "see 'Facts' in the README for what a fact type needs");
            }
        }

        var files = new List<RuleSetSyntax>();
        var fileNames = new List<string>();
        var fileTexts = new List<RuleFileText>();
        var ruleCount = 0;
        foreach (var (file, text) in ReadSources(_sources.Count == 0 ? [new RuleSource.BuiltIn()] : _sources, _limits, diagnostics))
        {
            fileNames.Add(file);
            fileTexts.Add(new RuleFileText(file, text));
            if (RuleFileLoader.Load(file, text, diagnostics) is { } ruleSet)
            {
                if (ruleCount + ruleSet.Rules.Count > _limits.MaxRules)
                {
                    var first = ruleSet.Rules[Math.Max(0, _limits.MaxRules - ruleCount)];
                    diagnostics.Error(DiagnosticCodes.FileTooLarge, first.Location, $"more than {_limits.MaxRules:N0} rules in all",
                        "split the rule set over several engines, or raise the rule limit (InputLimits.MaxRules, --max-rules)");
                    break;
                }

                ruleCount += ruleSet.Rules.Count;
                files.Add(ruleSet);
            }
        }

        // Declarations first, from every file: a type may be used before the file that declares it is read.
        DeclaredTypeBinder.Register(files, types, diagnostics);

        // Bind every rule even when some files have structural errors: all problems are reported in one pass.
        var (fastCompile, directConclusions) = (_fastCompile, _directConclusions);
        var compiled = RuleSetCompiler.Compile(files, types, diagnostics, fastCompile, _indexedJoins ?? false, directConclusions);
        var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
        if (compiled is null || diagnostics.HasErrors)
        {
            var exception = new RuleLoadException(diagnostics.Sorted());
            Log.RulesLoadFailed(logger, exception.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), elapsed, string.Join('\n', exception.Diagnostics));
            throw exception;
        }

        // By default large scenarios get index lookups: the same rules compiled again, on the first such scenario.
        Func<CompiledRuleSet>? indexed = _indexedJoins is null
            ? () => RuleSetCompiler.Compile(files, types, new DiagnosticBag(), fastCompile, indexedJoins: true, directConclusions)
                ?? throw new InvalidOperationException("The rules compiled without index lookups but not with them; report this as a bug.")
            : null;
        var engine = new ScenarioEngine(compiled, indexed, _maxFirings, _timeProvider, diagnostics.Sorted(), logger, _limits, fileTexts, _linkedInBatches);
        Log.RulesLoaded(logger, engine.RuleIds.Count, fileNames.Count, elapsed, string.Join(", ", fileNames));
        foreach (var warning in engine.Warnings.Where(w => w.Severity == DiagnosticSeverity.Warning))
        {
            Log.RuleLoadWarning(logger, warning.ToString());
        }

        return engine;
    }

    /// <summary>The built-in and domain fact types, as every engine has them before <see cref="AddFactType(Type, string?)"/>.</summary>
    internal static FactTypeRegistry DefaultTypes()
    {
        var types = FactTypeRegistry.CreateWithBuiltIns();
        foreach (var (name, type) in Domain.DomainVocabulary.FactTypes)
        {
            types.Register(name, type);
        }

        return types;
    }

    private static bool LinkedInBatchesDefault() =>
        Environment.GetEnvironmentVariable("SECURITYGUARANTEES_LINKED_IN_BATCHES") is not ("0" or "false" or "off");

    private static bool DirectConclusionsDefault() =>
        Environment.GetEnvironmentVariable("SECURITYGUARANTEES_DIRECT_CONCLUSIONS") is not ("0" or "false" or "off");

    private static bool? IndexedJoinsDefault() => Environment.GetEnvironmentVariable("SECURITYGUARANTEES_INDEXED_JOINS") switch
    {
        "0" or "false" or "off" => false,
        "1" or "true" or "on" => true,
        _ => null,
    };

    private static IEnumerable<(string File, string Text)> ReadSources(IEnumerable<RuleSource> sources, InputLimits limits, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            switch (source)
            {
                case RuleSource.Text text:
                    if (SourceFileReader.CheckText(text.Name, text.Yaml, limits.Load, diagnostics))
                    {
                        yield return (text.Name, text.Yaml);
                    }

                    break;
                case RuleSource.BuiltIn:
                    foreach (var builtIn in ReadBuiltIn())
                    {
                        if (seen.Add(builtIn.File))
                        {
                            yield return builtIn;
                        }
                    }

                    break;
                case RuleSource.Path path:
                    foreach (var file in ExpandPath(path.Value, diagnostics))
                    {
                        if (seen.Add(Path.GetFullPath(file)) && SourceFileReader.TryRead(file, limits.Load, diagnostics, out var content))
                        {
                            yield return (file, content);
                        }
                    }

                    break;
            }
        }
    }

    internal static IEnumerable<(string File, string Text)> ReadBuiltIn()
    {
        var assembly = typeof(ScenarioEngineBuilder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(BuiltInResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return ("builtin:rules/" + name[BuiltInResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    private static IEnumerable<string> ExpandPath(string path, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }

        if (File.Exists(path))
        {
            return [path];
        }

        diagnostics.Error(DiagnosticCodes.FileNotFound, new SourceLocation(path, 0, 0), "file or folder not found",
            "check the path, or use 'builtin' for the built-in rule set");
        return [];
    }
}
