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

    // The signature of each single-field change, by change (the same change objects come back for every variant).
    private readonly Dictionary<ResolvedChange, string> _signatures = new(ReferenceEqualityComparer.Instance);

    /// <param name="engine">The engine.</param>
    /// <param name="scenario">The scenario as written.</param>
    /// <param name="options">Overrides for the evaluations.</param>
    /// <param name="cancellationToken">Stops any evaluation between rule firings.</param>
    /// <param name="batches">Propagate linked facts in batches if the rules allow it (the caller runs under <see cref="ScenarioEngine.InBatchesOrStepwise"/>).</param>
    public LiveScenario(ScenarioEngine engine, Scenario scenario, EvaluationOptions? options, CancellationToken cancellationToken, bool batches = false)
    {
        _scenarioId = scenario.Id;
        _asOf = engine.ResolveAsOf(scenario, options);
        _cancellationToken = cancellationToken;
        _session = engine.CreateSession(scenario, options, batches: batches);
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

    /// <summary>
    /// The state each changed fact should be in: removed (null), or the original with fields set (made once per state and
    /// kept for later variants); and a signature to compare states.
    /// </summary>
    internal Dictionary<FactSlot, (object? Fact, string Signature)> Desired(IReadOnlyList<ResolvedChange> changes)
    {
        // Slots in the order of their first change; a change list is a handful of changes (one per dimension), so a scan
        // finds a slot's other changes without grouping (this runs once per variant).
        var result = new Dictionary<FactSlot, (object?, string)>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < changes.Count; i++)
        {
            var slot = changes[i].Slot;
            if (result.ContainsKey(slot))
            {
                continue; // handled with the slot's first change
            }

            var (single, removal) = (true, changes[i].IsRemoval);
            for (var j = i + 1; j < changes.Count; j++)
            {
                if (ReferenceEquals(changes[j].Slot, slot))
                {
                    single = false;
                    removal |= changes[j].IsRemoval;
                }
            }

            result[slot] = removal ? (null, "-")
                : single ? SetOne(slot, changes[i])
                : SetMany(slot, [.. changes.Skip(i).Where(c => ReferenceEquals(c.Slot, slot))]);
        }

        return result;
    }

    /// <summary>
    /// The state of a fact with one field set: the signature <see cref="SetMany"/> would give, made once per change; the
    /// original fact (empty signature) when the field already has that value.
    /// </summary>
    private (object? Fact, string Signature) SetOne(FactSlot slot, ResolvedChange change)
    {
        if (VariantRunner.IsOriginal(change))
        {
            return (slot.Original, ""); // the fact as the scenario has it: no copy, and no update when it is already there
        }

        if (!_signatures.TryGetValue(change, out var signature))
        {
            _signatures[change] = signature = change.Field!.Name + "=" + FactValueFormatter.Format(change.Value) + "\n";
        }

        var key = (slot, signature);
        if (!_made.TryGetValue(key, out var fact))
        {
            _made[key] = fact = slot.With(new Dictionary<FactFieldDescriptor, object?> { [change.Field!] = change.Value });
        }

        return (fact, signature);
    }

    /// <summary>The state of a fact with several fields set (the last value of a field wins), signed by field name order.</summary>
    private (object? Fact, string Signature) SetMany(FactSlot slot, IReadOnlyList<ResolvedChange> changes)
    {
        var values = new Dictionary<FactFieldDescriptor, object?>();
        foreach (var change in changes)
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

        return (fact, key.Item2);
    }
}
