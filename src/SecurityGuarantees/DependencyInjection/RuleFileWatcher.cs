namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// Watches rule files and folders and calls back once things have been quiet for a delay (debounce), measured with
/// the <see cref="TimeProvider"/>: saving a file, or a tool writing several, causes one reload. Writes that never stop
/// cannot starve it: the callback comes at the latest <c>maxWait</c> after the first change of a burst.
/// </summary>
internal sealed class RuleFileWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _timer;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _timeProvider;
    private readonly Action<Exception> _onError;
    private readonly Lock _gate = new();
    private long? _burstStarted;
    private volatile bool _disposed;

    public RuleFileWatcher(IEnumerable<string> paths, TimeSpan delay, TimeProvider timeProvider, Action onQuiet, Action<Exception> onError)
        : this(paths, delay, Timeout.InfiniteTimeSpan, timeProvider, onQuiet, onError)
    {
    }

    public RuleFileWatcher(IEnumerable<string> paths, TimeSpan delay, TimeSpan maxWait, TimeProvider timeProvider, Action onQuiet, Action<Exception> onError)
    {
        _delay = delay;
        _maxWait = maxWait;
        _timeProvider = timeProvider;
        _onError = onError;
        _timer = timeProvider.CreateTimer(_ =>
        {
            lock (_gate)
            {
                _burstStarted = null; // a change from here on starts a new burst
            }

            if (!_disposed)
            {
                onQuiet();
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        try
        {
            foreach (var path in paths)
            {
                _watchers.Add(Directory.Exists(path) ? WatchFolder(path) : WatchFile(path));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private FileSystemWatcher WatchFolder(string folder)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
        return Start(watcher, isRuleFile: IsRuleFileOrFolder);
    }

    private FileSystemWatcher WatchFile(string file)
    {
        var name = Path.GetFileName(file);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(file)!, name);
        return Start(watcher, isRuleFile: p => string.Equals(Path.GetFileName(p), name, StringComparison.Ordinal));
    }

    private FileSystemWatcher Start(FileSystemWatcher watcher, Func<string, bool> isRuleFile)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;
        FileSystemEventHandler changed = (_, e) =>
        {
            if (isRuleFile(e.FullPath))
            {
                Schedule();
            }
        };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) =>
        {
            if (isRuleFile(e.FullPath) || isRuleFile(e.OldFullPath))
            {
                Schedule();
            }
        };
        watcher.Error += (_, e) =>
        {
            _onError(e.GetException());
            Schedule();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>A rule file (<c>*.yaml</c>, <c>*.yml</c>) or, having no extension, probably a folder moved or deleted.</summary>
    private static bool IsRuleFileOrFolder(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length == 0
            || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// (Re)starts the quiet period: the callback runs <c>delay</c> after the last change, but no later than
    /// <c>maxWait</c> after the first change since the last callback.
    /// </summary>
    private void Schedule()
    {
        if (!_disposed)
        {
            try
            {
                lock (_gate)
                {
                    var now = _timeProvider.GetTimestamp();
                    _burstStarted ??= now;
                    var due = _delay;
                    if (_maxWait != Timeout.InfiniteTimeSpan)
                    {
                        var left = _maxWait - _timeProvider.GetElapsedTime(_burstStarted.Value, now);
                        due = left < TimeSpan.Zero ? TimeSpan.Zero : left < due ? left : due;
                    }

                    _timer.Change(due, Timeout.InfiniteTimeSpan);
                }
            }
            catch (ObjectDisposedException)
            {
                // disposed between the check and the call
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }
}
