using RulesEngine.Models;
using SecurityGuarantees.Domain;

namespace SecurityGuarantees.Benchmarks;

/// <summary>A proposal with its answers, joined by the host (RulesEngine evaluates one input at a time, it does not join).</summary>
public sealed record ProposalRow(string Id, bool IsCeasefire, bool Mutual, string UaStance, string RuStance);

/// <summary>A derived condition with its proposal looked up by the host, for the chained rule.</summary>
public sealed record ConditionRow(string Id, string Subject, bool ProposalExists);

/// <summary>A commitment, flattened.</summary>
public sealed record CommitmentRow(string Party, string Kind, string Level);

/// <summary>A demand, flattened.</summary>
public sealed record DemandRow(string Id, string Kind, decimal Value, bool HasValue);

/// <summary>
/// (3) The five rules on Microsoft RulesEngine 6.0.1, the peer: the host pre-joins facts into flat rows and runs the
/// chained rule as a second pass over the first pass's conclusions; no truth maintenance.
/// </summary>
internal sealed class RulesEngineImplementation
{
    private readonly RulesEngine.RulesEngine _engine;

    private RulesEngineImplementation(RulesEngine.RulesEngine engine) => _engine = engine;

    public static RulesEngineImplementation Create()
    {
        Workflow[] workflows =
        [
            new()
            {
                WorkflowName = "proposal",
                Rules =
                [
                    new() { RuleName = "ceasefire-pending", Expression = "p.IsCeasefire && p.Mutual && (p.UaStance == \"accepted\" || p.UaStance == \"conditional\") && !(p.RuStance == \"accepted\" || p.RuStance == \"rejected\")" },
                    new() { RuleName = "ceasefire-agreed", Expression = "p.IsCeasefire && p.Mutual && p.UaStance == \"accepted\" && p.RuStance == \"accepted\"" },
                ],
            },
            new()
            {
                WorkflowName = "chained",
                Rules = [new() { RuleName = "press-for-answer", Expression = "c.Id == \"ceasefire-pending\" && c.ProposalExists" }],
            },
            new()
            {
                WorkflowName = "coalition",
                Rules =
                [
                    new()
                    {
                        RuleName = "coalition-formed",
                        Expression = "commitments.Where(Kind == \"reassurance-force\" && (Level == \"political\" || Level == \"legally-binding\")).Select(Party).Distinct().Count() >= 10",
                    },
                ],
            },
            new()
            {
                WorkflowName = "demand",
                Rules = [new() { RuleName = "army-cap-contested", Expression = "d.Kind == \"army-cap\" && d.HasValue && d.Value < 800000" }],
            },
        ];
        return new RulesEngineImplementation(new RulesEngine.RulesEngine(workflows, new ReSettings()));
    }

    public SortedSet<string> Conclude(BenchData data) => new(Evaluate(data), StringComparer.Ordinal);

    public List<string> Evaluate(BenchData data)
    {
        var result = new List<string>();
        var ua = new Dictionary<string, Position>(StringComparer.Ordinal);
        var ru = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var position in data.Positions)
        {
            (position.Party == "UA" ? ua : position.Party == "RU" ? ru : null)?.TryAdd(position.Proposal, position);
        }

        var proposals = new HashSet<string>(StringComparer.Ordinal);
        var derived = new List<(string Id, string Subject)>();
        foreach (var p in data.Proposals)
        {
            proposals.Add(p.Id);
            var row = new ProposalRow(p.Id, p.Kind == ProposalKind.Ceasefire, p.Mutual,
                ua.TryGetValue(p.Id, out var u) ? Name(u.Stance) : "", ru.TryGetValue(p.Id, out var r) ? Name(r.Stance) : "");
            foreach (var outcome in Run("proposal", new RuleParameter("p", row)))
            {
                if (outcome.IsSuccess)
                {
                    derived.Add((outcome.Rule.RuleName, p.Id));
                    result.Add(Conclusions.Condition(outcome.Rule.RuleName, p.Id));
                }
            }
        }

        foreach (var (id, subject) in derived)
        {
            if (Run("chained", new RuleParameter("c", new ConditionRow(id, subject, proposals.Contains(subject))))[0].IsSuccess)
            {
                result.Add(Conclusions.NextStep("press-for-answer", "RU", subject));
            }
        }

        var commitments = data.Commitments.Select(c => new CommitmentRow(c.Party ?? "", Name(c.Kind), Name(c.Level))).ToList();
        if (Run("coalition", new RuleParameter("commitments", commitments))[0].IsSuccess)
        {
            result.Add(Conclusions.Condition("coalition-formed", "reassurance-force"));
        }

        foreach (var d in data.Demands)
        {
            if (Run("demand", new RuleParameter("d", new DemandRow(d.Id, Name(d.Kind), d.Value ?? 0, d.Value is not null)))[0].IsSuccess)
            {
                result.Add(Conclusions.Condition("army-cap-contested", d.Id));
            }
        }

        return result;
    }

    private List<RuleResultTree> Run(string workflow, RuleParameter input) =>
        _engine.ExecuteAllRulesAsync(workflow, input).AsTask().GetAwaiter().GetResult();

    private static string Name<T>(T? value)
        where T : struct, Enum => value switch
        {
            null => "",
            Stance.Accepted => "accepted",
            Stance.Conditional => "conditional",
            Stance.Rejected => "rejected",
            CommitmentKind.ReassuranceForce => "reassurance-force",
            CommitmentLevel.Political => "political",
            CommitmentLevel.LegallyBinding => "legally-binding",
            DemandKind.ArmyCap => "army-cap",
            _ => value.Value.ToString(),
        };
}
