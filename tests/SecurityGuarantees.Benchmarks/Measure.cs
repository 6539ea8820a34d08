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
