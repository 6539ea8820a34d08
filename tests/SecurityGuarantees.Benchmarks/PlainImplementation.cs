using SecurityGuarantees.Domain;

namespace SecurityGuarantees.Benchmarks;

/// <summary>(4) The five rules as plain C# loops and dictionaries: the floor (no engine, no truth maintenance).</summary>
internal static class PlainImplementation
{
    public static SortedSet<string> Conclude(BenchData data)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in Evaluate(data))
        {
            set.Add(c);
        }

        return set;
    }

    public static List<string> Evaluate(BenchData data)
    {
        var result = new List<string>();
        var ua = new Dictionary<string, Position>(StringComparer.Ordinal);
        var ru = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var position in data.Positions)
        {
            (position.Party == "UA" ? ua : position.Party == "RU" ? ru : null)?.TryAdd(position.Proposal, position);
        }

        var pending = new List<string>();
        foreach (var p in data.Proposals)
        {
            if (p.Kind != ProposalKind.Ceasefire || !p.Mutual)
            {
                continue;
            }

            ua.TryGetValue(p.Id, out var u);
            ru.TryGetValue(p.Id, out var r);
            if (u?.Stance is Stance.Accepted or Stance.Conditional && r?.Stance is not (Stance.Accepted or Stance.Rejected))
            {
                result.Add(Conclusions.Condition("ceasefire-pending", p.Id));
                pending.Add(p.Id);
            }

            if (u?.Stance == Stance.Accepted && r?.Stance == Stance.Accepted)
            {
                result.Add(Conclusions.Condition("ceasefire-agreed", p.Id));
            }
        }

        // The chained rule: a next step for each pending condition whose proposal exists.
        var proposals = data.Proposals.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in pending)
        {
            if (proposals.Contains(id))
            {
                result.Add(Conclusions.NextStep("press-for-answer", "RU", id));
            }
        }

        var coalition = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var c in data.Commitments)
        {
            if (c.Kind == CommitmentKind.ReassuranceForce && c.Level is CommitmentLevel.Political or CommitmentLevel.LegallyBinding)
            {
                coalition.Add(c.Party);
            }
        }

        if (coalition.Count >= 10)
        {
            result.Add(Conclusions.Condition("coalition-formed", "reassurance-force"));
        }

        foreach (var d in data.Demands)
        {
            if (d.Kind == DemandKind.ArmyCap && d.Value < 800_000)
            {
                result.Add(Conclusions.Condition("army-cap-contested", d.Id));
            }
        }

        return result;
    }
}
