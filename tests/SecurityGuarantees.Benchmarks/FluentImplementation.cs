using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using SecurityGuarantees.Domain;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Benchmarks;

/// <summary>A conclusion of the hand-written rules (linked to its activation with <c>Yield</c>, as ours are).</summary>
public sealed record FluentCondition(string Id, string Subject);

/// <summary>A next step of the hand-written rules.</summary>
public sealed record FluentNextStep(string Id, string Actor, string Subject);

/// <summary>(2) The five rules hand-written with NRules.Fluent 1.0.4: the ceiling of the engine we build on.</summary>
internal sealed class FluentImplementation
{
    private readonly ISessionFactory _factory;

    private FluentImplementation(ISessionFactory factory) => _factory = factory;

    public static FluentImplementation Create()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(CeasefirePendingRule), typeof(CeasefireAgreedRule), typeof(PressForAnswerRule),
            typeof(CoalitionFormedRule), typeof(ArmyCapDemandRule)));
        return new FluentImplementation(repository.Compile());
    }

    /// <summary>Inserts the facts, fires, and returns the session (for queries).</summary>
    public ISession Evaluate(BenchData data)
    {
        var session = _factory.CreateSession();
        session.InsertAll(data.AllFacts);
        session.Fire();
        return session;
    }

    public SortedSet<string> Conclude(BenchData data)
    {
        var session = Evaluate(data);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in session.Query<FluentCondition>())
        {
            set.Add(Conclusions.Condition(c.Id, c.Subject));
        }

        foreach (var n in session.Query<FluentNextStep>())
        {
            set.Add(Conclusions.NextStep(n.Id, n.Actor, n.Subject));
        }

        return set;
    }

    /// <summary>NRules' default compile (framework expression compiler) of <paramref name="count"/> rules equivalent to the generated YAML.</summary>
    public static ISessionFactory CompileGenerated(int count)
    {
        var repository = new RuleRepository { Activator = new GeneratedRuleActivator(count) };
        repository.Load(x => x.From(typeof(GeneratedDemandRule), typeof(GeneratedPendingRule)));
        return repository.Compile();
    }

    private sealed class GeneratedRuleActivator(int count) : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type)
        {
            for (var i = type == typeof(GeneratedDemandRule) ? 0 : 1; i < count; i += 2)
            {
                yield return type == typeof(GeneratedDemandRule) ? new GeneratedDemandRule(i) : new GeneratedPendingRule(i);
            }
        }
    }
}

public sealed class CeasefirePendingRule : Rule
{
    public override void Define()
    {
        Proposal p = null!;
        When()
            .Match(() => p, x => x.Kind == ProposalKind.Ceasefire, x => x.Mutual)
            .Match<Position>(x => x.Proposal == p.Id, x => x.Party == "UA", x => x.Stance == Stance.Accepted || x.Stance == Stance.Conditional)
            .Not<Position>(x => x.Proposal == p.Id, x => x.Party == "RU", x => x.Stance == Stance.Accepted || x.Stance == Stance.Rejected);
        Then()
            .Yield(_ => new FluentCondition("ceasefire-pending", p.Id));
    }
}

public sealed class CeasefireAgreedRule : Rule
{
    public override void Define()
    {
        Proposal p = null!;
        Position ua = null!;
        Position ru = null!;
        When()
            .Match(() => p, x => x.Kind == ProposalKind.Ceasefire, x => x.Mutual)
            .Match(() => ua, x => x.Proposal == p.Id, x => x.Party == "UA", x => x.Stance == Stance.Accepted)
            .Match(() => ru, x => x.Proposal == p.Id, x => x.Party == "RU", x => x.Stance == Stance.Accepted);
        Then()
            .Yield(_ => new FluentCondition("ceasefire-agreed", p.Id));
    }
}

public sealed class PressForAnswerRule : Rule
{
    public override void Define()
    {
        FluentCondition c = null!;
        Proposal p = null!;
        When()
            .Match(() => c, x => x.Id == "ceasefire-pending")
            .Match(() => p, x => x.Id == c.Subject);
        Then()
            .Yield(_ => new FluentNextStep("press-for-answer", "RU", p.Id));
    }
}

public sealed class CoalitionFormedRule : Rule
{
    public override void Define()
    {
        IEnumerable<Commitment> commitments = null!;
        When()
            .Query(() => commitments, q => q
                .Match<Commitment>(x => x.Kind == CommitmentKind.ReassuranceForce,
                    x => x.Level == CommitmentLevel.Political || x.Level == CommitmentLevel.LegallyBinding)
                .Collect()
                .Where(x => x.Select(k => k.Party).Distinct().Count() >= 10));
        Then()
            .Yield(_ => new FluentCondition("coalition-formed", "reassurance-force"));
    }
}

public sealed class ArmyCapDemandRule : Rule
{
    public override void Define()
    {
        Demand d = null!;
        When()
            .Match(() => d, x => x.Kind == DemandKind.ArmyCap, x => x.Value < 800_000);
        Then()
            .Yield(_ => new FluentCondition("army-cap-contested", d.Id));
    }
}

public sealed class GeneratedDemandRule(int index) : Rule
{
    public override void Define()
    {
        Demand d = null!;
        var threshold = 500_000m + index;
        var id = $"demand-{index}";
        When()
            .Match(() => d, x => x.Kind == DemandKind.ArmyCap, x => x.Value < threshold);
        Then()
            .Yield(_ => new FluentCondition(id, d.Id));
    }
}

public sealed class GeneratedPendingRule(int index) : Rule
{
    public override void Define()
    {
        Proposal p = null!;
        decimal minDays = index;
        var id = $"pending-{index}";
        When()
            .Match(() => p, x => x.Kind == ProposalKind.Ceasefire, x => x.DurationDays >= minDays)
            .Match<Position>(x => x.Proposal == p.Id, x => x.Party == "UA", x => x.Stance == Stance.Accepted)
            .Not<Position>(x => x.Proposal == p.Id, x => x.Party == "RU", x => x.Stance == Stance.Accepted);
        Then()
            .Yield(_ => new FluentCondition(id, p.Id));
    }
}
