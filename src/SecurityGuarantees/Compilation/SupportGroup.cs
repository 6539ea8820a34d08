using NRules.RuleModel;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The supports of one conclusion (by <see cref="SupportFact.GroupKey"/>) and their merge, kept up to date one support at a
/// time: the aggregate fact the merge rules match (<see cref="SupportGroupAggregator"/>). Severity is the highest, parties
/// the sorted union; text and priority come from the highest-priority rule, ties broken by rule id and then by the
/// supports' facts (their types and keys, ordinally: the order justifications are listed in), never by arrival order, which
/// differs between a timeline and a fresh evaluation of the same facts. A single support is the conclusion as its rule
/// states it.
/// </summary>
/// <remarks>
/// A conclusion can have hundreds of supports (one per matched demand, say), and they arrive one firing at a time, so
/// re-merging the whole group on each would cost O(k²): here an added support costs O(its parties), a removed one O(1)
/// unless it was the winner (then one scan).
/// </remarks>
internal sealed class SupportGroup(string key)
{
    private static readonly int SeverityLevels = Enum.GetValues<Severity>().Max(s => (int)s) + 1;
    private readonly int[] _severityCounts = new int[SeverityLevels];
    private readonly Dictionary<string, int> _partyCounts = new(StringComparer.Ordinal);
    private string[] _parties = [];
    private SupportFact? _winner;
    private bool _changed;

    public string Key { get; } = key;

    /// <summary>The supports in the order they arrived (an updated support keeps its place).</summary>
    public List<SupportFact> Supports { get; } = [];

    /// <summary>The NRules facts of <see cref="Supports"/>, in the same order: the aggregate's source.</summary>
    public List<IFact> Facts { get; } = [];

    public int Count => Supports.Count;

    /// <summary>The merged conclusion, as of the last <see cref="Refresh"/>.</summary>
    public object? Merged { get; private set; }

    public void Add(IFact fact, SupportFact support)
    {
        Supports.Add(support);
        Facts.Add(fact);
        _changed |= Supports.Count <= 2; // the first support, or the first merge
        if (_winner is null || Beats(support, _winner))
        {
            _winner = support;
            _changed = true;
        }

        Tally(support, +1);
    }

    public void Remove(IFact fact)
    {
        var at = Facts.IndexOf(fact);
        var support = Supports[at];
        Supports.RemoveAt(at);
        Facts.RemoveAt(at);
        _changed |= Supports.Count <= 1;
        Tally(support, -1);
        if (ReferenceEquals(support, _winner))
        {
            _winner = FindWinner();
            _changed = true;
        }
    }

    /// <summary>A support re-stated by its activation (NRules updated it in place): it keeps its place.</summary>
    public void Replace(IFact fact, SupportFact support)
    {
        var at = Facts.IndexOf(fact);
        Tally(Supports[at], -1);
        Supports[at] = support;
        Tally(support, +1);
        _winner = FindWinner();
        _changed = true;
    }

    /// <summary>Re-merges when something that the merge reads changed; returns whether it did.</summary>
    public bool Refresh()
    {
        if (!_changed || _winner is null)
        {
            return false;
        }

        _changed = false;
        if (Supports.Count == 1 || _winner.Conclusion is not Condition condition)
        {
            Merged = _winner.Conclusion;
            return true;
        }

        var severity = Severity.Info;
        for (var level = SeverityLevels - 1; level >= 0; level--)
        {
            if (_severityCounts[level] > 0)
            {
                severity = (Severity)level;
                break;
            }
        }

        Merged = condition with { Severity = severity, Parties = _parties };
        return true;
    }

    private static bool Beats(SupportFact candidate, SupportFact winner) =>
        candidate.Rule.Priority != winner.Rule.Priority ? candidate.Rule.Priority > winner.Rule.Priority
        : string.CompareOrdinal(candidate.Rule.Id, winner.Rule.Id) is var byId and not 0 ? byId < 0
        : string.CompareOrdinal(candidate.BecauseSortKey, winner.BecauseSortKey) < 0;

    private SupportFact? FindWinner()
    {
        SupportFact? winner = null;
        foreach (var support in Supports)
        {
            if (winner is null || Beats(support, winner))
            {
                winner = support;
            }
        }

        return winner;
    }

    private void Tally(SupportFact support, int delta)
    {
        if (support.Conclusion is not Condition condition)
        {
            return;
        }

        var level = (int)condition.Severity;
        var before = _severityCounts[level];
        _severityCounts[level] = before + delta;
        _changed |= before == 0 || before + delta == 0; // a level appeared or went: the highest may have moved

        var partiesChanged = false;
        foreach (var party in condition.Parties)
        {
            var count = _partyCounts.GetValueOrDefault(party) + delta;
            if (count == 0)
            {
                _partyCounts.Remove(party);
                partiesChanged = true;
            }
            else
            {
                partiesChanged |= count == 1 && delta > 0;
                _partyCounts[party] = count;
            }
        }

        if (partiesChanged)
        {
            _parties = [.. _partyCounts.Keys.Order(StringComparer.Ordinal)];
            _changed = true;
        }
    }
}
