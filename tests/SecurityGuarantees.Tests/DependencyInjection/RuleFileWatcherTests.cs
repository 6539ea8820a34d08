using SecurityGuarantees.DependencyInjection;

namespace SecurityGuarantees.Tests.DependencyInjection;

/// <summary>The watcher's debounce runs on the <see cref="TimeProvider"/>: a manual clock makes it deterministic.</summary>
public sealed class RuleFileWatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Changes_RestartTheQuietPeriod_AndCallBackOnceItEnds()
    {
        var clock = new ManualTimerProvider();
        var calls = 0;
        using var watcher = new RuleFileWatcher([_folder], TimeSpan.FromMinutes(5), clock, () => Interlocked.Increment(ref calls), _ => { });

        await File.WriteAllTextAsync(Path.Combine(_folder, "a.yaml"), "rules: []\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "ignored.txt"), "not a rule file\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.yml"), "rules: []\n");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Timer.Schedules < 2 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        Assert.True(clock.Timer.Schedules >= 2, "the watcher saw no change");
        Assert.Equal(TimeSpan.FromMinutes(5), clock.Timer.DueTime);
        Assert.Equal(0, calls);

        clock.Timer.Fire();
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Dispose_StopsTheCallbacks()
    {
        var clock = new ManualTimerProvider();
        var calls = 0;
        var watcher = new RuleFileWatcher([_folder], TimeSpan.FromSeconds(1), clock, () => calls++, _ => { });
        watcher.Dispose();
        clock.Timer.Fire();
        Assert.Equal(0, calls);
        Assert.True(clock.Timer.Disposed);
    }

    /// <summary>A <see cref="TimeProvider"/> whose one timer fires only when the test says so.</summary>
    private sealed class ManualTimerProvider : TimeProvider
    {
        public ManualTimer Timer { get; private set; } = null!;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Timer = new ManualTimer(() => callback(state));
    }

    private sealed class ManualTimer(Action fire) : ITimer
    {
        private int _schedules;

        public int Schedules => Volatile.Read(ref _schedules);

        public TimeSpan DueTime { get; private set; } = Timeout.InfiniteTimeSpan;

        public bool Disposed { get; private set; }

        public void Fire() => fire();

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            Interlocked.Increment(ref _schedules);
            return true;
        }

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
