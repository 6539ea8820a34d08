using System.Diagnostics;

namespace SecurityGuarantees.Benchmarks;

/// <summary>Stopwatch timing for the quick mode: a warm-up, then the median of a few repetitions.</summary>
internal static class Measure
{
    /// <summary>Median milliseconds per call. Fast calls are batched so each repetition lasts at least <paramref name="minRepMs"/>.</summary>
    public static double Ms(Action action, int repetitions = 5, double minRepMs = 40)
    {
        var first = Stopwatch.StartNew();
        action(); // warm-up (JIT, tiering, caches)
        var once = Math.Max(first.Elapsed.TotalMilliseconds, 0.0001);
        var batch = (int)Math.Clamp(Math.Ceiling(minRepMs / once), 1, 100_000);
        if (batch > 1)
        {
            for (var i = 0; i < batch; i++)
            {
                action(); // second warm-up at the batch size, so tier-1 code is what is timed
            }
        }

        var samples = new double[repetitions];
        for (var r = 0; r < repetitions; r++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < batch; i++)
            {
                action();
            }

            samples[r] = sw.Elapsed.TotalMilliseconds / batch;
        }

        Array.Sort(samples);
        return samples[repetitions / 2];
    }

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
