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
    private int _maxFirings = 10_000;

    /// <summary>
    /// Bounds rule firings per evaluation, so a rule set that loops stops with an error. Default 10,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxFirings
    {
        get => _maxFirings;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxFirings = value;
        }
    }

    /// <summary>
    /// Compile the rules while the host starts, so invalid rules stop the start with one
    /// <see cref="Diagnostics.RuleLoadException"/> listing every diagnostic. Default <see langword="true"/>. With
    /// <see langword="false"/>, the rules are compiled when the engine is first resolved. Needs a generic host
    /// (<c>IHost.StartAsync</c>); without one, resolve <see cref="ScenarioEngine"/> once at start-up.
    /// </summary>
    public bool ValidateOnStart { get; set; } = true;

    /// <summary>Adds a rule file, or every <c>*.yaml</c>/<c>*.yml</c> file under a folder (recursively).</summary>
    /// <param name="path">A file or folder path, or <c>builtin</c> for the built-in rule set.</param>
    /// <returns>These options, for chaining.</returns>
    public SecurityGuaranteesOptions AddRules(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _ruleSources.Add(b => b.AddRules(path));
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

        return builder.WithMaxFirings(_maxFirings);
    }
}
