namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// What <c>services.AddSecurityGuarantees(options => ...)</c> builds the <see cref="ScenarioEngine"/> from: rule
/// sources, fact types and limits. Read through <c>IOptions&lt;SecurityGuaranteesOptions&gt;</c>; the engine is built
/// once, so changes after it was built have no effect.
/// </summary>
public sealed class SecurityGuaranteesOptions
{
    private readonly List<Action<ScenarioEngineBuilder>> _ruleSources = [];
    private readonly List<Action<ScenarioEngineBuilder>> _factTypes = [];
    private readonly List<string> _rulePaths = [];
    private int? _maxFirings;
    private TimeSpan _reloadDelay = TimeSpan.FromMilliseconds(500);
    private TimeSpan _reloadMaxWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bounds author rule firings per evaluation, so a rule set that loops stops with an error. Default 10,000, or 4 per
    /// scenario fact when that is more.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxFirings
    {
        get => _maxFirings ?? Evaluation.FiringLimits.Default;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxFirings = value;
        }
    }

    /// <summary>
    /// Bounds on file sizes, fact and rule counts and expression length and depth, for the rules and every scenario the
    /// engine loads. Default <see cref="InputLimits.Default"/>; see <c>docs/reliability.md</c>.
    /// </summary>
    public InputLimits Limits { get; set; } = InputLimits.Default;

    /// <summary>
    /// Compile the rules while the host starts, so invalid rules stop the start with one
    /// <see cref="Diagnostics.RuleLoadException"/> listing every diagnostic. Default <see langword="true"/>. With
    /// <see langword="false"/>, the rules are compiled when the engine is first resolved. Needs a generic host
    /// (<c>IHost.StartAsync</c>); without one, resolve <see cref="ScenarioEngine"/> once at start-up.
    /// </summary>
    public bool ValidateOnStart { get; set; } = true;

    /// <summary>
    /// Hot reload: watch the rule files and folders added with <see cref="AddRules(string)"/> and, after a change,
    /// recompile them in the background and swap the engine in atomically. Evaluations already running finish on the
    /// engine they started with; a reload with errors keeps the current engine and logs every diagnostic.
    /// <see cref="IRuleReloadStatus"/> tells how the last reload went. Default <see langword="false"/>. Built-in rules
    /// and rule text are not watched. A <see cref="ScenarioEngine"/> resolved from the container is the first engine
    /// compiled; inject <see cref="IScenarioEvaluator"/> to always use the current one.
    /// </summary>
    public bool WatchRules { get; set; }

    /// <summary>
    /// With <see cref="WatchRules"/>: how long the rule files must stay unchanged before a reload starts, so that saving
    /// several files causes one reload. Default 500 ms; measured with the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ReloadDelay
    {
        get => _reloadDelay;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _reloadDelay = value;
        }
    }

    /// <summary>
    /// With <see cref="WatchRules"/>: the longest a change waits for its reload while writes go on, so that a file
    /// rewritten more often than <see cref="ReloadDelay"/> is still reloaded. Default 2 s; measured from the first change
    /// after the last reload, with the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ReloadMaxWait
    {
        get => _reloadMaxWait;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _reloadMaxWait = value;
        }
    }

    /// <summary>The rule files and folders added with <see cref="AddRules(string)"/> (not <c>builtin</c>): what hot reload watches.</summary>
    internal IReadOnlyList<string> RulePaths => _rulePaths;

    /// <summary>Adds a rule file, or every <c>*.yaml</c>/<c>*.yml</c> file under a folder (recursively).</summary>
    /// <param name="path">A file or folder path, or <c>builtin</c> for the built-in rule set.</param>
    /// <returns>These options, for chaining.</returns>
    public SecurityGuaranteesOptions AddRules(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _ruleSources.Add(b => b.AddRules(path));
        if (!string.Equals(path, "builtin", StringComparison.Ordinal))
        {
            _rulePaths.Add(path);
        }

        return this;
    }

    /// <summary>Adds rules from YAML text.</summary>
    /// <param name="sourceName">The name diagnostics use for the text, e.g. a file name.</param>
    /// <param name="yaml">The rule file content.</param>
    /// <returns>These options, for chaining.</returns>
    public SecurityGuaranteesOptions AddRuleText(string sourceName, string yaml)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(yaml);
        _ruleSources.Add(b => b.AddRuleText(sourceName, yaml));
        return this;
    }

    /// <summary>
    /// Adds the built-in rule set. Only needed to combine it with other sources: without any source it is used anyway.
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    public SecurityGuaranteesOptions AddBuiltInRules()
    {
        _ruleSources.Add(b => b.AddBuiltInRules());
        return this;
    }

    /// <summary>Registers a fact type so scenarios and rules can use it by name.</summary>
    /// <typeparam name="T">A class with a parameterless constructor, settable (or init) properties and a key.</typeparam>
    /// <param name="name">The name in YAML; defaults to the CLR type name.</param>
    /// <returns>These options, for chaining.</returns>
    public SecurityGuaranteesOptions AddFactType<T>(string? name = null)
        where T : class => AddFactType(typeof(T), name);

    /// <summary>Registers a fact type so scenarios and rules can use it by name.</summary>
    /// <param name="type">A class with a parameterless constructor, settable (or init) properties and a key.</param>
    /// <param name="name">The name in YAML; defaults to the CLR type name.</param>
    /// <returns>These options, for chaining.</returns>
    public SecurityGuaranteesOptions AddFactType(Type type, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        _factTypes.Add(b => b.AddFactType(type, name));
        return this;
    }

    /// <summary>Replays these options onto a builder.</summary>
    internal ScenarioEngineBuilder ApplyTo(ScenarioEngineBuilder builder)
    {
        foreach (var add in _factTypes)
        {
            add(builder);
        }

        foreach (var add in _ruleSources)
        {
            add(builder);
        }

        builder.WithLimits(Limits);
        return _maxFirings is { } limit ? builder.WithMaxFirings(limit) : builder;
    }
}
