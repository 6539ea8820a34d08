using System.Reflection;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// The engine's internal session (what a timeline step runs on), reached by reflection: the benchmark project has no
/// InternalsVisibleTo. Mirrors <c>TimelineRunner</c>: insert, set Today, fire, snapshot; a step updates facts, moves
/// Today, fires and snapshots again.
/// </summary>
internal sealed class SessionProbe
{
    private static readonly MethodInfo CreateSessionMethod = Find(typeof(ScenarioEngine), "CreateSession");
    private readonly object _session;
    private readonly MethodInfo _insert;
    private readonly MethodInfo _update;
    private readonly MethodInfo _setToday;
    private readonly MethodInfo _fire;
    private readonly MethodInfo _snapshot;

    public SessionProbe(ScenarioEngine engine, Scenario scenario, bool start = true)
    {
        _session = CreateSession(engine, scenario);
        var type = _session.GetType();
        _insert = Find(type, "Insert");
        _update = Find(type, "Update");
        _setToday = Find(type, "SetToday");
        _fire = Find(type, "Fire");
        _snapshot = Find(type, "Snapshot");
        if (start)
        {
            Insert(scenario.Facts);
            SetToday(scenario.AsOf!.Value, first: true);
            Fire();
        }
    }

    /// <summary>
    /// <c>--phases &lt;proposals&gt; [five|shipped]</c>: where one evaluation's time goes (session creation, inserting the
    /// scenario's facts, Today, firing, the snapshot), each phase timed over many evaluations.
    /// </summary>
    public static void PrintPhases(ScenarioEngine engine, Scenario scenario, int evaluations)
    {
        var times = new double[5];
        var bytes = new long[5];
        var watch = new System.Diagnostics.Stopwatch();
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        long allocated;
        for (var round = 0; round < 2; round++) // the first round warms up, for at least 3 s (the background JIT)
        {
            Array.Clear(times);
            Array.Clear(bytes);
            for (var i = 0; i < evaluations || (round == 0 && warmUp.ElapsedMilliseconds < 3_000); i++)
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                var probe = new SessionProbe(engine, scenario, start: false);
                times[0] += watch.Elapsed.TotalMilliseconds;
                bytes[0] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                probe.Insert(scenario.Facts);
                times[1] += watch.Elapsed.TotalMilliseconds;
                bytes[1] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                probe.SetToday(scenario.AsOf!.Value, first: true);
                times[2] += watch.Elapsed.TotalMilliseconds;
                bytes[2] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                probe.Fire();
                times[3] += watch.Elapsed.TotalMilliseconds;
                bytes[3] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                probe.Snapshot(scenario.Id, scenario.AsOf!.Value);
                times[4] += watch.Elapsed.TotalMilliseconds;
                bytes[4] += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }
        }

        string[] names = ["create session", "insert facts", "insert Today", "fire", "snapshot"];
        var total = times.Sum();
        Console.WriteLine($"{scenario.Facts.Count} facts: {total / evaluations:F3} ms per evaluation (reflection calls included), "
            + $"{bytes.Sum() / 1024.0 / evaluations:F1} KB allocated");
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine($"  {names[i],-15} {times[i] / evaluations,8:F3} ms  {100 * times[i] / total,5:F1} %  {bytes[i] / 1024.0 / evaluations,10:F1} KB");
        }
    }

    public void Insert(IEnumerable<object> facts) => _insert.Invoke(_session, [facts]);

    public void Update(IEnumerable<object> facts) => _update.Invoke(_session, [facts]);

    public void SetToday(DateOnly date, bool first) => _setToday.Invoke(_session, [date, first]);

    public void Fire() => _fire.Invoke(_session, [CancellationToken.None]);

    public EvaluationResult Snapshot(string scenario, DateOnly asOf) => (EvaluationResult)_snapshot.Invoke(_session, [scenario, asOf, CancellationToken.None])!;

    /// <summary>
    /// The engine's internal session for a scenario, with its default options: the arguments after the scenario are left
    /// to their defaults whatever their number, so an optional parameter added later does not break the probes.
    /// </summary>
    internal static object CreateSession(ScenarioEngine engine, Scenario scenario)
    {
        // Every later argument at its default, except batches: on, as evaluations run (when the rules allow it).
        var parameters = CreateSessionMethod.GetParameters();
        var arguments = parameters.Select(p => p.Name == "batches" ? true : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        arguments[0] = scenario;
        return CreateSessionMethod.Invoke(engine, arguments)!;
    }

    private static MethodInfo Find(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"{type.Name}.{name} not found: the internal session API changed; update SessionProbe");
}
