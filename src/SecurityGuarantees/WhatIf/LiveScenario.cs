using System.Text;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// One NRules session over a scenario that what-if changes in place: each <see cref="Apply"/> moves the addressed facts
/// to the state the changes describe (and every other changed fact back to the scenario's), fires incrementally and
/// reads the conclusions — the machinery timelines use for their steps, so truth maintenance retracts what no longer
/// holds instead of the whole scenario being evaluated again.
/// </summary>
internal sealed class LiveScenario
{
    private readonly ScenarioSession _session;
    private readonly string _scenarioId;
    private readonly DateOnly _asOf;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<FactSlot, (object? Fact, string Signature)> _changed = new(ReferenceEqualityComparer.Instance);

    // The changed copies made so far, by slot and signature: variants revisit the same states many times, and building a
    // fact goes through reflection over all its fields.
    private readonly Dictionary<(FactSlot Slot, string Signature), object> _made = [];

    public LiveScenario(ScenarioEngine engine, Scenario scenario, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        _scenarioId = scenario.Id;
        _asOf = engine.ResolveAsOf(scenario, options);
        _cancellationToken = cancellationToken;
        _session = engine.CreateSession(scenario, options);
        _session.Insert(scenario.Facts);
        _session.SetToday(_asOf, first: true);
        _session.Fire(cancellationToken);
        Original = _session.Snapshot(scenario.Id, _asOf);
    }

    /// <summary>What holds in the scenario as written.</summary>
    public EvaluationResult Original { get; }

    /// <summary>How many change sets were applied (evaluations run incrementally).</summary>
    public int Applied { get; private set; }

    /// <summary>Moves the session to the scenario with exactly these changes, fires and returns what holds.</summary>
    public EvaluationResult Apply(IReadOnlyList<ResolvedChange> changes)
    {
        Applied++;
        var desired = Desired(changes);
        foreach (var slot in _changed.Keys.Where(s => !desired.ContainsKey(s)).ToList())
        {
            desired[slot] = (slot.Original, "");
        }

        List<object> retract = [], update = [], insert = [];
        foreach (var (slot, want) in desired)
        {
            var (currentFact, currentSignature) = _changed.TryGetValue(slot, out var c) ? c : (slot.Original, "");
            if (currentSignature == want.Signature)
            {
                continue;
            }

            if (want.Fact is null)
            {
                retract.Add(currentFact!);
            }
            else if (currentFact is null)
            {
                insert.Add(want.Fact);
            }
            else
            {
                update.Add(want.Fact);
            }

            if (want.Signature.Length == 0)
            {
                _changed.Remove(slot);
            }
            else
            {
                _changed[slot] = want;
            }
        }

        if (retract.Count > 0)
        {
            _session.Retract(retract);
        }

        if (update.Count > 0)
        {
            _session.Update(update);
        }

        if (insert.Count > 0)
        {
            _session.Insert(insert);
        }

        _session.Fire(_cancellationToken);
        return _session.Snapshot(_scenarioId, _asOf);
    }

    /// <summary>The state each changed fact should be in: removed (null), or the original with fields set; and a signature to compare states.</summary>
    private Dictionary<FactSlot, (object? Fact, string Signature)> Desired(IReadOnlyList<ResolvedChange> changes)
    {
        var result = new Dictionary<FactSlot, (object?, string)>(ReferenceEqualityComparer.Instance);
        foreach (var group in changes.GroupBy(c => c.Slot, ReferenceEqualityComparer.Instance))
        {
            var slot = (FactSlot)group.Key!;
            if (group.Any(c => c.IsRemoval))
            {
                result[slot] = (null, "-");
                continue;
            }

            var values = new Dictionary<FactFieldDescriptor, object?>();
            foreach (var change in group)
            {
                values[change.Field!] = change.Value;
            }

            var signature = new StringBuilder();
            foreach (var (field, value) in values.OrderBy(v => v.Key.Name, StringComparer.Ordinal))
            {
                signature.Append(field.Name).Append('=').Append(FactValueFormatter.Format(value)).Append('\n');
            }

            var key = (slot, signature.ToString());
            if (!_made.TryGetValue(key, out var fact))
            {
                _made[key] = fact = slot.With(values);
            }

            result[slot] = (fact, key.Item2);
        }

        return result;
    }
}
