using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Telemetry;

namespace SecurityGuarantees;

/// <summary>
/// Compiled rules, ready to evaluate scenarios. Immutable and thread-safe: build it once (with
/// <see cref="ScenarioEngineBuilder"/>) and share it; each evaluation runs in its own NRules session.
/// </summary>
public sealed partial class ScenarioEngine
{
    private readonly int? _maxFirings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal ScenarioEngine(CompiledRuleSet rules, Func<CompiledRuleSet>? indexedForLarge, int? maxFirings, TimeProvider timeProvider, IReadOnlyList<Diagnostic> warnings, ILogger? logger = null,
        InputLimits? limits = null, IReadOnlyList<RuleFileText>? ruleFiles = null, bool linkedInBatches = false)
    {
        // Decided on the first session, not at load: the dependency analysis would add to every compile.
        _linkedFactsInBatches = new Lazy<bool>(() => linkedInBatches && !RuleGraphs.FeedbackCycles.Exist(rules), LazyThreadSafetyMode.PublicationOnly);
        RuleFiles = ruleFiles ?? [];
        RuleSetHash = HashRuleFiles(RuleFiles);
        _logger = logger ?? NullLogger.Instance;
        Limits = limits ?? InputLimits.Default;
        Rules = rules;
        _indexedForLarge = indexedForLarge is null ? null : new Lazy<CompiledRuleSet>(indexedForLarge, LazyThreadSafetyMode.ExecutionAndPublication);
        _maxFirings = maxFirings;
        _timeProvider = timeProvider;
        Warnings = warnings;
    }

    /// <summary>Non-error diagnostics of the load (warnings and infos).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The input limits this engine loads scenarios with (and its rules were loaded with).</summary>
    public InputLimits Limits { get; }

    /// <summary>The ids of the loaded rules, in load order.</summary>
    public IReadOnlyList<string> RuleIds => [.. Rules.Rules.Select(r => r.Id)];

    /// <summary>
    /// The rules as loaded: every analysis (explain, why-not, lint, graph, what-if) reads these, and scenarios run on them
    /// unless <see cref="SessionRules"/> picks the index-lookup network.
    /// </summary>
    internal CompiledRuleSet Rules { get; }

    /// <summary>
    /// The size from which a scenario runs on index lookups when the engine uses both networks (the default of
    /// <see cref="ScenarioEngineBuilder.WithIndexedJoins"/>). Measured side by side (docs/performance.md, issue 18): at
    /// 46 – 57 facts NRules' own joins take a fifth less time and a sixth fewer bytes; the two break even between about
    /// 200 and 370 facts, and beyond that the index lookups' advantage grows with the data (NRules' joins compare every
    /// pair), so the switch is at the lower end.
    /// </summary>
    public const int IndexedJoinsFromFacts = 200;

    private readonly Lazy<CompiledRuleSet>? _indexedForLarge;

    /// <summary>
    /// Whether sessions propagate the facts rules link in batches (<see cref="ScenarioSession"/>): the rules have no
    /// feedback cycle (<see cref="RuleGraphs.FeedbackCycles"/>) and the builder did not turn it off.
    /// </summary>
    internal bool LinkedFactsInBatches => _linkedFactsInBatches.Value;

    private readonly Lazy<bool> _linkedFactsInBatches;

    /// <summary>The network a scenario of this many facts runs on.</summary>
    internal CompiledRuleSet SessionRules(int facts) =>
        _indexedForLarge is not null && facts >= IndexedJoinsFromFacts ? _indexedForLarge.Value : Rules;

    /// <summary>Loads a scenario file, typing its facts by the registered fact types.</summary>
    /// <param name="path">The scenario file.</param>
    /// <exception cref="RuleLoadException">The file has errors; all of them are listed.</exception>
    public Scenario LoadScenario(string path) => LoadScenario(path, CancellationToken.None);

    /// <summary>Loads a scenario file, typing its facts by the registered fact types; the token stops the parse.</summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="cancellationToken">Stops reading within about 100 ms.</param>
    /// <exception cref="RuleLoadException">The file has errors; all of them are listed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Scenario LoadScenario(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var diagnostics = new DiagnosticBag();
        if (!SourceFileReader.TryRead(path, Limits.Load, diagnostics, out var text))
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return ParseScenario(path, text, diagnostics, cancellationToken);
    }

    /// <summary>Reads a scenario from YAML text.</summary>
    /// <param name="sourceName">The name diagnostics use for the text.</param>
    /// <param name="yaml">The scenario file content.</param>
    /// <exception cref="RuleLoadException">The text has errors; all of them are listed.</exception>
    public Scenario ParseScenario(string sourceName, string yaml) => ParseScenario(sourceName, yaml, CancellationToken.None);

    /// <summary>Reads a scenario from YAML text; the token stops the parse.</summary>
    /// <param name="sourceName">The name diagnostics use for the text.</param>
    /// <param name="yaml">The scenario file content.</param>
    /// <param name="cancellationToken">Stops reading within about 100 ms.</param>
    /// <exception cref="RuleLoadException">The text has errors; all of them are listed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Scenario ParseScenario(string sourceName, string yaml, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        if (!SourceFileReader.CheckText(sourceName, yaml, Limits.Load, diagnostics))
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return ParseScenario(sourceName, yaml, diagnostics, cancellationToken);
    }

    /// <summary>Evaluates a scenario: inserts its facts and <c>Today</c>, fires the rules and reports what holds.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Overrides for this evaluation.</param>
    /// <param name="cancellationToken">Stops the evaluation within about 100 ms in every phase: between batches of inserted facts, between rule firings and while the results are gathered.</param>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public EvaluationResult Evaluate(Scenario scenario, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var started = _timeProvider.GetTimestamp();
        using var activity = EngineInstrumentation.ActivitySource.StartActivity(SecurityGuaranteesTelemetry.EvaluateActivityName);
        activity?.SetTag("securityguarantees.scenario", scenario.Id);
        try
        {
            var asOf = ResolveAsOf(scenario, options);
            var result = InBatchesOrStepwise(batches => EvaluateOnce(scenario, options, asOf, batches, cancellationToken));
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            EngineInstrumentation.Record(EngineInstrumentation.Success, elapsed, result.RulesFired);
            if (activity is not null)
            {
                activity.SetTag("securityguarantees.as_of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                activity.SetTag("securityguarantees.rules_fired", result.RulesFired);
                activity.SetTag("securityguarantees.conditions", result.Conditions.Count);
                activity.SetTag("securityguarantees.next_steps", result.NextSteps.Count);
            }

            Log.ScenarioEvaluated(_logger, scenario.Id, asOf, result.RulesFired, result.Conditions.Count, result.NextSteps.Count, elapsed);
            return result;
        }
        catch (Exception e)
        {
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            EngineInstrumentation.Record(EngineInstrumentation.Failure, elapsed, 0);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.SetTag("error.type", e.GetType().FullName);
            Log.ScenarioEvaluationFailed(_logger, e, scenario.Id, elapsed);
            throw;
        }
    }

    internal DateOnly ResolveAsOf(Scenario scenario, EvaluationOptions? options)
    {
        if ((options?.AsOf ?? scenario.AsOf) is { } given)
        {
            return given;
        }

        // A scenario without a date is about today; say so, since the answer changes with the clock.
        var today = DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);
        Log.AsOfFromTimeProvider(_logger, scenario.Id, today);
        return today;
    }

    /// <summary>One evaluation on a new session (<see cref="InBatchesOrStepwise"/> may run it twice).</summary>
    private EvaluationResult EvaluateOnce(Scenario scenario, EvaluationOptions? options, DateOnly asOf, bool batches, CancellationToken cancellationToken)
    {
        var session = CreateSession(scenario, options, batches: batches);
        session.InsertInBatches(scenario.Facts, cancellationToken);
        session.SetToday(asOf, first: true);
        session.Fire(cancellationToken);
        return session.SnapshotWithTrace(scenario.Id, asOf, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="run"/> with linked facts propagated in batches when the rules allow it. A rule that faults
    /// (or an insert that conflicts) may do so in a match that NRules' one-firing-at-a-time order would have undone
    /// before it fired, so a batched run that fails is run again one firing at a time, and that outcome is the answer:
    /// batches never add an error.
    /// </summary>
    internal T InBatchesOrStepwise<T>(Func<bool, T> run)
    {
        if (!LinkedFactsInBatches)
        {
            return run(false);
        }

        try
        {
            return run(true);
        }
        catch (EvaluationException)
        {
            return run(false);
        }
    }

    /// <summary>
    /// A session for the scenario, on the network for its size (<paramref name="facts"/>: the most facts it will hold, when
    /// more than the scenario's); <paramref name="batches"/>: propagate linked facts in batches if the rules allow it
    /// (only where <see cref="InBatchesOrStepwise"/> can run it again one firing at a time; checked here again, so no
    /// other caller can batch rules with a feedback cycle).
    /// </summary>
    internal ScenarioSession CreateSession(Scenario scenario, EvaluationOptions? options, int? facts = null, bool batches = false)
    {
        Type? checkedType = null; // scenarios list facts type by type: a class checked once is checked for the next fact
        foreach (var fact in scenario.Facts)
        {
            if (fact.GetType() == checkedType)
            {
                continue;
            }

            if (Rules.Types.Of(fact) is not { Role: Facts.FactTypeRole.Scenario })
            {
                throw new ArgumentException(fact is Facts.DeclaredFact declared
                    ? $"Scenario '{scenario.Id}' holds a {declared.TypeName} fact, which is not a registered scenario fact type of this engine (its rule files declare no {declared.TypeName} with these fields)."
                    : $"Scenario '{scenario.Id}' holds a {fact.GetType().Name}, which is not a registered scenario fact type; register it with AddFactType.", nameof(scenario));
            }

            checkedType = fact is Facts.DeclaredFact ? null : fact.GetType(); // declared types share one class: each is looked up
        }

        return new ScenarioSession(SessionRules(Math.Max(facts ?? 0, scenario.Facts.Count)), options?.MaxFirings ?? _maxFirings ?? FiringLimits.DefaultFor(scenario.Facts.Count),
            options?.Trace ?? false, batches && LinkedFactsInBatches);
    }

    private Scenario ParseScenario(string sourceName, string yaml, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var scenario = ScenarioFileLoader.Load(sourceName, yaml, Rules.Types, Limits.Load, diagnostics, cancellationToken);
        if (scenario is null || diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return scenario;
    }
}
