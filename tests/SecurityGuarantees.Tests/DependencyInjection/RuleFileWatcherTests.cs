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

    [Fact]
    public async Task ChangesThatNeverStop_AreCalledBackWithinTheMaximumWait()
    {
        var clock = new ManualTimerProvider();
        var calls = 0;
        using var watcher = new RuleFileWatcher([_folder], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), clock, () => Interlocked.Increment(ref calls), _ => { });
        var file = Path.Combine(_folder, "a.yaml");

        // A write every 100 ms (of the manual clock): the quiet period alone would never end.
        async Task WriteAndWait(int schedulesBefore)
        {
            await File.WriteAllTextAsync(file, $"rules: [] # {schedulesBefore}\n");
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Timer.Schedules <= schedulesBefore && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(10);
            }

            Assert.True(clock.Timer.Schedules > schedulesBefore, "the watcher saw no change");
        }

        await WriteAndWait(0);
        Assert.Equal(TimeSpan.FromMilliseconds(500), clock.Timer.DueTime);
        for (var i = 1; i <= 17; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await WriteAndWait(clock.Timer.Schedules);
        }

        // 1.7 s after the first change: the next write may push the callback no later than 2 s after it.
        Assert.Equal(TimeSpan.FromMilliseconds(300), clock.Timer.DueTime);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await WriteAndWait(clock.Timer.Schedules);
        Assert.Equal(TimeSpan.Zero, clock.Timer.DueTime);

        // The callback starts a new burst: the next change waits the ordinary quiet period again.
        clock.Timer.Fire();
        Assert.Equal(1, calls);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await WriteAndWait(clock.Timer.Schedules);
        Assert.Equal(TimeSpan.FromMilliseconds(500), clock.Timer.DueTime);
    }

    /// <summary>A <see cref="TimeProvider"/> whose one timer fires only when the test says so, and whose clock moves only when told.</summary>
    private sealed class ManualTimerProvider : TimeProvider
    {
        private long _ticks;

        public ManualTimer Timer { get; private set; } = null!;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

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
