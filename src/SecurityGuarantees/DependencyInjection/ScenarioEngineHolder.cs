using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// Owns the engine that <see cref="IScenarioEvaluator"/> uses: compiles it on first use and, with
/// <see cref="SecurityGuaranteesOptions.WatchRules"/>, recompiles it when a watched rule file changes and swaps it in
/// with one atomic write. An evaluation reads <see cref="Current"/> once, so one that is running finishes on the engine
/// it started with; a reload with errors keeps the current engine.
/// </summary>
internal sealed class ScenarioEngineHolder : IRuleReloadStatus, IScenarioEngineAccessor, IDisposable
{
    private readonly SecurityGuaranteesOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ScenarioEngine? _current;
    private RuleFileWatcher? _watcher;
    private volatile RuleReloadResult? _lastReload;
    private RuleLoadException? _initialFailure;
    private long _succeededReloads;
    private long _failedReloads;
    private volatile bool _disposed;

    public ScenarioEngineHolder(IOptions<SecurityGuaranteesOptions> options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<ScenarioEngine>();
    }

    /// <summary>The engine in use; compiled on first access (throws <see cref="RuleLoadException"/> if the rules are invalid).</summary>
    public ScenarioEngine Current => Volatile.Read(ref _current) ?? Initialize();

    public bool IsWatching => Volatile.Read(ref _watcher) is not null;

    public IReadOnlyList<string> WatchedPaths { get; private set; } = [];

    public RuleReloadResult? LastReload => _lastReload;

    public long SucceededReloads => Interlocked.Read(ref _succeededReloads);

    public long FailedReloads => Interlocked.Read(ref _failedReloads);

    private ScenarioEngine Initialize()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { } built)
            {
                return built;
            }

            if (_initialFailure is { } failed)
            {
                // Watching already: the next valid version of the files is loaded by the watcher, not by a reader.
                throw failed;
            }

            ScenarioEngine engine;
            try
            {
                engine = Build();
            }
            catch (RuleLoadException e) when (_options.WatchRules)
            {
                // Keep watching invalid rules, so fixing them brings the engine up (IRuleReloadStatus shows the errors).
                _initialFailure = e;
                _lastReload = new RuleReloadResult(_timeProvider.GetUtcNow(), false, e.Diagnostics, 0);
                StartWatching();
                throw;
            }

            Volatile.Write(ref _current, engine);
            if (_options.WatchRules)
            {
                StartWatching();
            }

            return engine;
        }
    }

    private ScenarioEngine Build() =>
        _options.ApplyTo(new ScenarioEngineBuilder())
            .WithTimeProvider(_timeProvider)
            .WithLoggerFactory(_loggerFactory)
            .Build();

    private void StartWatching()
    {
        var paths = _options.RulePaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            ReloadLog.NothingToWatch(_logger);
            return;
        }

        WatchedPaths = paths;
        Volatile.Write(ref _watcher, new RuleFileWatcher(paths, _options.ReloadDelay, _options.ReloadMaxWait, _timeProvider, ReloadAfterChange, e => ReloadLog.WatchError(_logger, e)));
        ReloadLog.WatchStarted(_logger, string.Join(", ", paths), _options.ReloadDelay.TotalMilliseconds);
    }

    private void ReloadAfterChange()
    {
        // On a timer thread: nothing may escape from here.
        try
        {
            if (!_disposed)
            {
                ReloadNow();
            }
        }
        catch (ObjectDisposedException)
        {
            // disposed while the change was pending
        }
    }

    /// <summary>
    /// Recompiles the rules now and swaps the engine in if they compile; otherwise keeps the current one. Reloads run
    /// one at a time. The watcher calls this after the quiet period; tests call it directly.
    /// </summary>
    internal RuleReloadResult ReloadNow()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var attemptedAt = _timeProvider.GetUtcNow();
            RuleReloadResult result;
            try
            {
                var engine = Build();
                result = new RuleReloadResult(attemptedAt, true, engine.Warnings, engine.RuleIds.Count);

                // The status first: whoever sees the new engine also sees the reload that brought it.
                _lastReload = result;
                Volatile.Write(ref _current, engine);
                _initialFailure = null;
                ReloadLog.Reloaded(_logger, engine.RuleIds.Count);
            }
            catch (RuleLoadException e)
            {
                // The builder has logged every diagnostic (event 2); say that the old rules stay.
                var ruleCount = _current?.RuleIds.Count ?? 0;
                result = new RuleReloadResult(attemptedAt, false, e.Diagnostics, ruleCount);
                if (_initialFailure is not null)
                {
                    _initialFailure = e;
                }

                ReloadLog.ReloadRejected(_logger, e.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), ruleCount);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var ruleCount = _current?.RuleIds.Count ?? 0;
                result = new RuleReloadResult(attemptedAt, false, [], ruleCount, e.Message);
                ReloadLog.ReloadFailed(_logger, e, ruleCount);
            }

            _lastReload = result;
            Interlocked.Increment(ref result.Succeeded ? ref _succeededReloads : ref _failedReloads);
            return result;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Volatile.Read(ref _watcher)?.Dispose();
        }
    }
}
