using System.Globalization;
using System.Text;
using SecurityGuarantees.Domain;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// Deterministic scenario data: N proposals, each with answers (positions) of Ukraine and Russia, and every other one
/// with a demand and a commitment, plus a few parties. The same seed gives the same facts on every run.
/// </summary>
internal sealed class BenchData
{
    /// <summary>Seed size: about the size of the article's scenario (the Paris E5 example has ~75 facts).</summary>
    public const int SeedProposals = 12;

    public static readonly DateOnly AsOf = new(2025, 3, 12);

    private BenchData(int proposals, List<Party> parties, List<Proposal> proposalList, List<Position> positions, List<Demand> demands,
        List<Commitment> commitments)
    {
        ProposalCount = proposals;
        Parties = parties;
        Proposals = proposalList;
        Positions = positions;
        Demands = demands;
        Commitments = commitments;
    }

    public int ProposalCount { get; }

    public IReadOnlyList<Party> Parties { get; }

    public IReadOnlyList<Proposal> Proposals { get; }

    public IReadOnlyList<Position> Positions { get; }

    public IReadOnlyList<Demand> Demands { get; }

    public IReadOnlyList<Commitment> Commitments { get; }

    public IEnumerable<object> AllFacts =>
        Parties.Cast<object>().Concat(Proposals).Concat(Positions).Concat(Demands).Concat(Commitments);

    public int FactCount => Parties.Count + Proposals.Count + Positions.Count + Demands.Count + Commitments.Count;

    /// <summary>
    /// How many of a holder's demands of one kind are open preconditions; later ones are settlement terms. A party holds a
    /// handful of preconditions (Moscow's of March 2025: root causes, no mobilisation, no rearmament, an end to foreign
    /// aid), not one more for every second proposal on the table: with no bound, rule conditions-added's output (a
    /// justification per conditional answer and matching precondition) grows with the square of the proposals.
    /// </summary>
    public const int DefaultOpenPreconditions = 5;

    public static BenchData Generate(int proposals, int seed = 6, int openPreconditionsPerKind = DefaultOpenPreconditions)
    {
        var random = new Random(seed);
        var parties = new List<Party>
        {
            new() { Id = "UA", Name = "Ukraine", Kind = PartyKind.State, Roles = [PartyRole.Belligerent] },
            new() { Id = "RU", Name = "Russia", Kind = PartyKind.State, Roles = [PartyRole.Belligerent] },
            new() { Id = "US", Name = "United States", Kind = PartyKind.State, Roles = [PartyRole.Mediator] },
        };
        for (var c = 0; c < 12; c++)
        {
            parties.Add(new Party { Id = $"C{c:D2}", Name = $"Coalition member {c}", Kind = PartyKind.State, Roles = [PartyRole.Guarantor] });
        }

        var proposalList = new List<Proposal>(proposals);
        var positions = new List<Position>(proposals * 2);
        var demands = new List<Demand>(proposals / 2 + 1);
        var commitments = new List<Commitment>(proposals / 2 + 1);
        var preconditions = new Dictionary<DemandKind, int>(); // every demand is held by RU: counted per kind
        for (var i = 0; i < proposals; i++)
        {
            var id = $"p{i:D5}";
            var kind = (i % 10) switch { < 7 => ProposalKind.Ceasefire, 7 or 8 => ProposalKind.Truce, _ => ProposalKind.PartialCeasefire };
            var start = AsOf.AddDays(random.Next(-60, 30));
            proposalList.Add(new Proposal
            {
                Id = id,
                Kind = kind,
                Title = $"proposal {i}",
                Mutual = i % 10 != 8,
                Unilateral = i % 10 == 8,
                DurationDays = kind == ProposalKind.Truce ? 3 : 30,
                Start = start,
                Ends = start.AddDays(kind == ProposalKind.Truce ? 2 : 29),
                ProposedBy = [i % 2 == 0 ? "US" : "UA"],
                Addressees = ["UA", "RU"],
                Status = ProposalStatus.Open,
            });

            var ua = random.NextDouble();
            if (ua < 0.8)
            {
                positions.Add(new Position { Proposal = id, Party = "UA", Stance = ua < 0.6 ? Stance.Accepted : Stance.Conditional, Since = AsOf });
            }

            var ru = random.NextDouble();
            if (ru < 0.7)
            {
                var stance = ru < 0.3 ? Stance.Accepted : ru < 0.5 ? Stance.Rejected : Stance.Conditional;
                positions.Add(new Position
                {
                    Proposal = id, Party = "RU", Stance = stance, Since = AsOf,
                    Conditions = stance == Stance.Conditional ? [DemandKind.ArmyCap] : [],
                });
            }

            if (i % 2 == 0)
            {
                var demandKind = i % 4 == 0 ? DemandKind.ArmyCap : DemandKind.Neutrality;
                var open = preconditions.GetValueOrDefault(demandKind) < openPreconditionsPerKind;
                preconditions[demandKind] = preconditions.GetValueOrDefault(demandKind) + (open ? 1 : 0);
                demands.Add(new Demand
                {
                    Id = $"d{i:D5}", Holder = "RU", Target = "UA", Kind = demandKind,
                    Value = i % 4 == 0 ? 400_000 + 50_000 * random.Next(0, 13) : null, Timing = open ? DemandTiming.Precondition : DemandTiming.Settlement,
                });
                commitments.Add(new Commitment
                {
                    Id = $"k{i:D5}", Party = $"C{i / 2 % 12:D2}", Kind = CommitmentKind.ReassuranceForce,
                    Level = (random.Next(3)) switch { 0 => CommitmentLevel.Planning, 1 => CommitmentLevel.Political, _ => CommitmentLevel.LegallyBinding },
                    Trigger = CommitmentTrigger.OnCeasefire,
                });
            }
        }

        return new BenchData(proposals, parties, proposalList, positions, demands, commitments);
    }

    /// <summary>The same facts as a scenario file, for the input-limit check (target 7).</summary>
    public string ToYaml()
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null";
        static string Kebab(object e) =>
            string.Concat(e.ToString()!.Select((ch, i) => char.IsUpper(ch) ? (i > 0 && !char.IsDigit(e.ToString()![i - 1]) ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
        var s = new StringBuilder();
        s.Append("version: 1\nscenario: generated-").Append(ProposalCount).Append("\nasOf: ").Append(D(AsOf)).Append("\nfacts:\n");
        s.Append("  Party:\n");
        foreach (var p in Parties)
        {
            s.Append("    - { id: ").Append(p.Id).Append(", name: ").Append(p.Name).Append(", kind: ").Append(Kebab(p.Kind!))
                .Append(", roles: [").Append(string.Join(", ", p.Roles.Select(r => Kebab(r)))).Append("] }\n");
        }

        s.Append("  Proposal:\n");
        foreach (var p in Proposals)
        {
            s.Append("    - { id: ").Append(p.Id).Append(", kind: ").Append(Kebab(p.Kind!)).Append(", title: ").Append(p.Title)
                .Append(", mutual: ").Append(p.Mutual ? "true" : "false").Append(", unilateral: ").Append(p.Unilateral ? "true" : "false")
                .Append(", durationDays: ").Append(p.DurationDays!.Value.ToString(CultureInfo.InvariantCulture))
                .Append(", start: ").Append(D(p.Start)).Append(", ends: ").Append(D(p.Ends))
                .Append(", proposedBy: [").Append(string.Join(", ", p.ProposedBy)).Append("], addressees: [")
                .Append(string.Join(", ", p.Addressees)).Append("] }\n");
        }

        s.Append("  Position:\n");
        foreach (var p in Positions)
        {
            s.Append("    - { proposal: ").Append(p.Proposal).Append(", party: ").Append(p.Party).Append(", stance: ").Append(Kebab(p.Stance!))
                .Append(", since: ").Append(D(p.Since)).Append(", conditions: [").Append(string.Join(", ", p.Conditions.Select(c => Kebab(c)))).Append("] }\n");
        }

        s.Append("  Demand:\n");
        foreach (var d in Demands)
        {
            s.Append("    - { id: ").Append(d.Id).Append(", holder: ").Append(d.Holder).Append(", target: ").Append(d.Target)
                .Append(", kind: ").Append(Kebab(d.Kind!)).Append(", timing: ").Append(Kebab(d.Timing!));
            if (d.Value is { } v)
            {
                s.Append(", value: ").Append(v.ToString(CultureInfo.InvariantCulture));
            }

            s.Append(" }\n");
        }

        s.Append("  Commitment:\n");
        foreach (var c in Commitments)
        {
            s.Append("    - { id: ").Append(c.Id).Append(", party: ").Append(c.Party).Append(", kind: ").Append(Kebab(c.Kind!))
                .Append(", level: ").Append(Kebab(c.Level!)).Append(", trigger: ").Append(Kebab(c.Trigger!)).Append(" }\n");
        }

        return s.ToString();
    }
}
