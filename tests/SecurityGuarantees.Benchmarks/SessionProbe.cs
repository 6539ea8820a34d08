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

    public SessionProbe(ScenarioEngine engine, Scenario scenario)
    {
        _session = CreateSessionMethod.Invoke(engine, [scenario, null])!;
        var type = _session.GetType();
        _insert = Find(type, "Insert");
        _update = Find(type, "Update");
        _setToday = Find(type, "SetToday");
        _fire = Find(type, "Fire");
        _snapshot = Find(type, "Snapshot");
        Insert(scenario.Facts);
        SetToday(scenario.AsOf!.Value, first: true);
        Fire();
    }

    public void Insert(IEnumerable<object> facts) => _insert.Invoke(_session, [facts]);

    public void Update(IEnumerable<object> facts) => _update.Invoke(_session, [facts]);

    public void SetToday(DateOnly date, bool first) => _setToday.Invoke(_session, [date, first]);

    public void Fire() => _fire.Invoke(_session, [CancellationToken.None]);

    public EvaluationResult Snapshot(string scenario, DateOnly asOf) => (EvaluationResult)_snapshot.Invoke(_session, [scenario, asOf])!;

    private static MethodInfo Find(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"{type.Name}.{name} not found: the internal session API changed; update SessionProbe");
}
