using System.Diagnostics;

namespace SecurityGuarantees.Benchmarks;

/// <summary>Stopwatch timing for the quick mode: a warm-up, then the median of a few repetitions.</summary>
internal static class Measure
{
    /// <summary>
    /// Median milliseconds per call, in steady state. The warm-up runs the action for at least <paramref name="warmUpMs"/>:
    /// tiered JIT promotes a method to optimised code only after 30 calls and a 100 ms quiet period, so a short warm-up
    /// would time tier-0 code, and the more distinct methods a workload runs, the more it would be penalised; it then goes
    /// on while the time per call still falls by more than 5 % from one 200 ms window to the next. Fast calls
    /// are batched so each repetition lasts at least <paramref name="minRepMs"/>. With <paramref name="collect"/>, each
    /// repetition starts from a collected heap (outside the timing), so large workloads are not timed with the garbage of
    /// the previous one (as Fluent's one run at 10,000 proposals is).
    /// </summary>
    public static double Ms(Action action, int repetitions = 5, double minRepMs = 40, double warmUpMs = 600, bool collect = false) =>
        MsAndGc(action, repetitions, minRepMs, warmUpMs, collect).Ms;

    /// <summary>
    /// <see cref="Ms"/>, and the garbage collector's pauses per call in that same (median) repetition: the part of the time
    /// that is the collector's, not the engine's.
    /// </summary>
    public static (double Ms, double GcMs) MsAndGc(Action action, int repetitions = 5, double minRepMs = 40, double warmUpMs = 600, bool collect = false)
    {
        var first = Stopwatch.StartNew();
        action();
        var once = Math.Max(first.Elapsed.TotalMilliseconds, 0.0001);
        var calls = 1;
        while (first.Elapsed.TotalMilliseconds < warmUpMs || calls < 2)
        {
            action();
            calls++;
        }

        // Then until the time per call stops falling (two windows within 5 %), up to MaxWarmUpMs: the background JIT
        // still has a queue of methods to optimise early in the process, and a workload timed first would pay for it.
        var previous = double.MaxValue;
        while (first.Elapsed.TotalMilliseconds < MaxWarmUpMs)
        {
            var window = Stopwatch.StartNew();
            var windowCalls = 0;
            while (window.Elapsed.TotalMilliseconds < WarmUpWindowMs || windowCalls < 2)
            {
                action();
                windowCalls++;
            }

            calls += windowCalls;
            var perCall = window.Elapsed.TotalMilliseconds / windowCalls;
            once = Math.Min(once, perCall);
            if (perCall > previous * 0.95)
            {
                break;
            }

            previous = perCall;
        }

        once = Math.Min(once, first.Elapsed.TotalMilliseconds / calls);
        var batch = (int)Math.Clamp(Math.Ceiling(minRepMs / once), 1, 100_000);
        var samples = new (double Ms, double GcMs)[repetitions];
        for (var r = 0; r < repetitions; r++)
        {
            if (collect)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var pausedBefore = GC.GetTotalPauseDuration();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < batch; i++)
            {
                action();
            }

            samples[r] = (sw.Elapsed.TotalMilliseconds / batch, (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds / batch);
        }

        Array.Sort(samples);
        return samples[repetitions / 2];
    }

    /// <summary>
    /// Two workloads timed alternately after each is warmed up (<see cref="Ms"/>): <paramref name="rounds"/> rounds, each a
    /// batch of at least <paramref name="minRepMs"/> of one and then of the other, so a burst of load on a shared machine
    /// hits both. Returns the median wall-clock time per call of each, the median of the rounds' ratios b ÷ a, and the same
    /// ratio on this thread's CPU time (which a machine busy with other processes inflates far less than the wall clock).
    /// </summary>
    public static (double MsA, double MsB, double Ratio, double CpuRatio) Interleaved(Action a, Action b, int rounds = 9, double minRepMs = 40)
    {
        var onceA = Ms(a, repetitions: 1);
        var onceB = Ms(b, repetitions: 1);
        var batchA = (int)Math.Clamp(Math.Ceiling(minRepMs / onceA), 1, 100_000);
        var batchB = (int)Math.Clamp(Math.Ceiling(minRepMs / onceB), 1, 100_000);
        var samples = new (double A, double B, double Ratio, double CpuRatio)[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var (msA, cpuA) = Batch(a, batchA);
            var (msB, cpuB) = Batch(b, batchB);
            samples[r] = (msA, msB, msB / msA, cpuB / cpuA);
        }

        static (double Ms, double CpuMs) Batch(Action action, int calls)
        {
            var cpu = ThreadCpuMs();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                action();
            }

            return (sw.Elapsed.TotalMilliseconds / calls, (ThreadCpuMs() - cpu) / calls);
        }

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        return (Median(samples.Select(s => s.A)), Median(samples.Select(s => s.B)), Median(samples.Select(s => s.Ratio)), Median(samples.Select(s => s.CpuRatio)));
    }

    /// <summary>
    /// Milliseconds of CPU time this thread has used (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>, nanosecond resolution; the
    /// workstation GC collects on the allocating thread, so its pauses count); elsewhere the process's processor time.
    /// </summary>
    public static double ThreadCpuMs()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    private const int ClockThreadCpuTimeId = 3;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }

    private const double WarmUpWindowMs = 200;
    private const double MaxWarmUpMs = 4_000;

    /// <summary>Milliseconds of one cold call (compile workloads: each call builds a new engine).</summary>
    public static double Once(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>Milliseconds and bytes allocated (all threads) of one call.</summary>
    public static (double Ms, long Bytes) OnceWithAllocations(Action action)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        action();
        var ms = sw.Elapsed.TotalMilliseconds;
        return (ms, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>Bytes allocated on this thread by one call (after a warm-up call).</summary>
    public static long AllocatedBytes(Action action)
    {
        action();
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
