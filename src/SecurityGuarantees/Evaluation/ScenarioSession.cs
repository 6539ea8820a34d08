using NRules;
using NRules.Diagnostics;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Compilation.Indexing;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Evaluation;

/// <summary>
/// One NRules session over one scenario: insert facts, fire within the firing limit, read the conclusions.
/// Timelines apply their steps to the same session, so truth maintenance does the retractions incrementally.
/// </summary>
internal sealed class ScenarioSession
{
    private readonly ISession _session;
    private readonly int _maxFirings;
    private readonly Queue<string> _recentFirings = new();
    private readonly List<string> _firingLog = [];
    private readonly SessionIndexes? _indexes;
    private readonly ResultTracker _results;
    private int _totalFired;
    private int _authorFired;
    private DateOnly? _today;

    private readonly FiringTrace? _trace;
    private readonly bool _linkedInBatches;

    /// <param name="rules">The network.</param>
    /// <param name="maxFirings">The firing limit per <see cref="Fire"/>.</param>
    /// <param name="trace">Record a trace of every firing (then linked facts propagate one firing at a time).</param>
    /// <param name="linkedInBatches">
    /// Propagate the facts rules link (conclusions, supports, inserts) all together after a batch of firings (at most
    /// <see cref="FiringsPerBatch"/>) instead of after each firing: NRules then walks the network once per batch, not once
    /// per fact. Only for rules without a feedback cycle (<see cref="RuleGraphs.FeedbackCycles"/>), where the order of
    /// firings cannot change the result.
    /// </param>
    public ScenarioSession(CompiledRuleSet rules, int maxFirings, bool trace = false, bool linkedInBatches = false)
    {
        Rules = rules;
        _maxFirings = maxFirings;
        _session = rules.SessionFactory.CreateSession();
        _linkedInBatches = linkedInBatches && !trace;
        _session.AutoPropagateLinkedFacts = !_linkedInBatches;
        _session.Events.RuleFiredEvent += OnRuleFired;
        _trace = trace ? new FiringTrace(_session, rules) : null;
        _results = new ResultTracker(_session, rules.Types);
        _session.DependencyResolver = new SessionDependencyResolver(_results);
        if (rules.ReadsEachSource)
        {
            _session.Insert(EachSource.Instance); // what each: elements aggregate over; present before any left tuple
        }
        if (rules.Indexes.Count > 0)
        {
            // The indexed equi-joins' holders go in first: every later fact change of an indexed type goes through them.
            _indexes = new SessionIndexes(rules.Indexes, rules.IndexOnlyTypes, rules.Types);
            _session.InsertAll(_indexes.Holders);
        }
    }

    /// <summary>The network this session runs on (<see cref="ScenarioEngine.SessionRules"/>).</summary>
    public CompiledRuleSet Rules { get; }

    public int TotalFired => _totalFired;

    /// <summary>The firing trace so far, or null when tracing is off.</summary>
    public IReadOnlyList<Results.TraceEntry>? Trace => _trace?.Entries;

    /// <summary>Stamps later trace entries with a timeline step's date (no effect without a trace).</summary>
    public void BeginStep(DateOnly on)
    {
        if (_trace is not null)
        {
            _trace.Step = on;
        }
    }

    /// <summary>Author rules in the order they fired (the engine's own <c>$</c> rules left out).</summary>
    public IReadOnlyList<string> FiringLog => _firingLog;

    public void Insert(IEnumerable<object> facts)
    {
        Guard(() => Indexed(IndexOperation.Insert, facts, _session.InsertAll));
    }

    /// <summary>
    /// Inserts in batches (a name of its own: the benchmarks find <see cref="Insert(IEnumerable{object})"/> by name), checking <paramref name="cancellationToken"/> between them: NRules cannot be interrupted inside
    /// an insert, and one of 240,000 facts takes seconds. A batch takes a few dozen milliseconds; a scenario of up to
    /// <see cref="InsertBatchSize"/> facts, or one whose token can never be cancelled, goes in as one insert, as before:
    /// each batch costs NRules a propagation of its own (at 10,000 proposals, 40 % more allocated in batches).
    /// </summary>
    public void InsertInBatches(IReadOnlyCollection<object> facts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (facts.Count <= InsertBatchSize || !cancellationToken.CanBeCanceled)
        {
            Insert(facts);
            return;
        }

        foreach (var batch in facts.Chunk(InsertBatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Insert(batch);
        }
    }

    internal const int InsertBatchSize = 2048;

    public void Update(IEnumerable<object> facts) => Guard(() => Indexed(IndexOperation.Update, facts, _session.UpdateAll));

    public void Retract(IEnumerable<object> facts) => Guard(() => Indexed(IndexOperation.Retract, facts, _session.RetractAll));

    /// <summary>Sets the one <c>Today</c> fact; an unchanged date is left alone, so rules joining Today are not re-run.</summary>
    public void SetToday(DateOnly date, bool first)
    {
        if (!first && _today == date)
        {
            return;
        }

        var today = new Today { Date = date };
        Guard(() =>
        {
            if (first)
            {
                _session.Insert(today);
            }
            else
            {
                _session.Update(today);
            }
        });
        _today = date;
    }

    /// <summary>
    /// Fires until the agenda is empty, or until author rules have fired more than the limit in this round (an error
    /// naming the rules that kept firing). NRules counts every firing, so it is asked for the remaining budget in turns.
    /// In batches, each turn fires at most <see cref="FiringsPerBatch"/> matches and then propagates what they linked.
    /// </summary>
    public void Fire(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _recentFirings.Clear(); // a loop is named by the rules of this firing round only
        var authorAtStart = _authorFired;
        while (!_session.Agenda.IsEmpty)
        {
            var budget = _maxFirings + 1 - (_authorFired - authorAtStart);
            Guard(() => _session.Fire(_linkedInBatches ? Math.Min(budget, FiringsPerBatch) : budget, cancellationToken));
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            if (_authorFired - authorAtStart > _maxFirings)
            {
                var looping = _recentFirings.Where(r => !EngineRuleNames.IsEngineRule(r))
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                throw new EvaluationException(DiagnosticCodes.FiringLimit,
                    $"evaluation stopped after {_maxFirings} rule firings; the rules keep firing: {string.Join(", ", looping)}. "
                    + "A rule whose insert or conclusion defeats its own 'not:' loops; fix the rules or raise --max-firings", looping);
            }

            if (_linkedInBatches)
            {
                Guard(() => _session.PropagateLinked());
            }
        }
    }

    /// <summary>
    /// The most matches a batch fires before what they linked is propagated: one propagation cannot be interrupted, so a
    /// batch of a large scenario stays within the cancellation promise (tens of milliseconds), and batches of a few
    /// thousand already cost NRules one walk of the network per batch rather than per fact.
    /// </summary>
    internal const int FiringsPerBatch = 2048;

    /// <summary>Every fact in working memory (the engine's own bookkeeping facts included), for explanations and why-not.</summary>
    public IReadOnlyList<object> Query() =>
        [
            .. _session.Query<object>().AsEnumerable().Where(f => f is not (IndexHolder or EachSource)),
            .. _indexes?.IndexOnlyFacts ?? [],
            .. _results.DirectlyLinkedSupports,
        ];

    public EvaluationResult Snapshot(string scenario, DateOnly asOf, CancellationToken cancellationToken = default) =>
        _results.Snapshot(scenario, asOf, _totalFired, cancellationToken);

    /// <summary>A snapshot that carries the trace so far (when tracing is on).</summary>
    public EvaluationResult SnapshotWithTrace(string scenario, DateOnly asOf, CancellationToken cancellationToken = default) =>
        _trace is null ? Snapshot(scenario, asOf, cancellationToken) : Snapshot(scenario, asOf, cancellationToken) with { Trace = _trace.Entries };

    /// <summary>Applies a change to the indexes (when the rules have indexed joins) around the change in NRules.</summary>
    private void Indexed(IndexOperation operation, IEnumerable<object> facts, Action<IEnumerable<object>> apply)
    {
        if (_indexes is null)
        {
            apply(facts);
            return;
        }

        _indexes.Apply(_session, operation, facts as IReadOnlyList<object> ?? [.. facts], apply);
    }

    private void OnRuleFired(object? sender, AgendaEventArgs e)
    {
        _totalFired++;
        _recentFirings.Enqueue(e.Rule.Name);
        if (!EngineRuleNames.IsEngineRule(e.Rule.Name))
        {
            _authorFired++;
            if (_firingLog.Count < 100_000)
            {
                _firingLog.Add(e.Rule.Name);
            }
        }

        if (_recentFirings.Count > 200)
        {
            _recentFirings.Dequeue();
        }
    }

    private static void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (Find<InsertConflictException>(e) is { } conflict)
        {
            throw new EvaluationException(DiagnosticCodes.InsertConflictsWithScenario, conflict.Message, conflict.Rules, e);
        }
        catch (RuleRhsExpressionEvaluationException e)
        {
            throw new EvaluationException(DiagnosticCodes.EvaluationFault, $"rule '{e.RuleName}' failed: {Describe(e)}", [e.RuleName], e);
        }
        catch (RuleExecutionException e)
        {
            throw new EvaluationException(DiagnosticCodes.EvaluationFault, $"a rule condition failed: {Describe(e)}", [], e);
        }
    }

    private static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        return root switch
        {
            DivideByZeroException => "division by zero" + (e is RuleExpressionEvaluationException x ? $" in {x.Expression}" : ""),
            _ => root.Message,
        };
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}
