using System.Linq.Expressions;
using System.Reflection;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>
/// A scope like a rule's: filtering a Proposal (bare names are its fields), with fact bindings <c>p</c> and <c>q</c>
/// (Positions) and scalar bindings <c>n</c> (a count), <c>party</c> (a string), <c>role</c> (an enum) and <c>when</c> (a date).
/// </summary>
internal sealed class ExpressionHarness
{
    public static readonly SourceLocation Origin = new("rules/guarantees.yaml", 14, 17);

    public static readonly FactTypeDescriptor Proposal = Describe("Proposal", typeof(TestProposal));
    public static readonly FactTypeDescriptor Position = Describe("Position", typeof(TestPosition));

    public static readonly TestProposal SampleProposal = new()
    {
        Id = "P1",
        Title = "Ceasefire now",
        Kind = TestProposalKind.Ceasefire,
        Stance = TestStance.Accepted,
        Mutual = true,
        Accepted = null,
        DurationDays = 30,
        Amount = 10,
        Budget = 1.5m,
        Score = 2.5,
        Start = new DateOnly(2025, 3, 12),
        End = new DateOnly(2025, 6, 30),
        ProposedBy = ["ua", "us"],
        Roles = [TestRole.Guarantor, TestRole.Mediator],
        Numbers = [1, 2, 3],
        Deadlines = [new DateOnly(2025, 4, 1)],
    };

    /// <summary>A proposal whose nullable fields are all null (and whose score is NaN).</summary>
    public static readonly TestProposal EmptyProposal = new() { Id = "P0", Score = double.NaN };

    public static readonly TestPosition SampleP = new()
    {
        Id = "pos1",
        Party = "ua",
        Stance = TestStance.Conditional,
        Verdict = TestVerdict.Accepted,
        Roles = [TestRole.Belligerent],
    };

    public static readonly TestPosition SampleQ = new()
    {
        Id = "pos2",
        Party = "ru",
        Stance = TestStance.Rejected,
        Verdict = TestVerdict.Rejected,
        Roles = [],
    };

    public ParameterExpression ProposalParameter { get; } = Expression.Parameter(typeof(TestProposal), "proposal");

    public ParameterExpression P { get; } = Expression.Parameter(typeof(TestPosition), "p");

    public ParameterExpression Q { get; } = Expression.Parameter(typeof(TestPosition), "q");

    public ParameterExpression N { get; } = Expression.Parameter(typeof(decimal?), "n");

    public ParameterExpression Party { get; } = Expression.Parameter(typeof(string), "party");

    public ParameterExpression Role { get; } = Expression.Parameter(typeof(TestRole), "role");

    public ParameterExpression When { get; } = Expression.Parameter(typeof(DateOnly?), "when");

    public Dictionary<string, ScopeBinding> Bindings => new()
    {
        ["p"] = new ScopeBinding("p", P, Position, null),
        ["q"] = new ScopeBinding("q", Q, Position, null),
        ["n"] = new ScopeBinding("n", N, null, typeof(decimal?)),
        ["party"] = new ScopeBinding("party", Party, null, typeof(string)),
        ["role"] = new ScopeBinding("role", Role, null, typeof(TestRole)),
        ["when"] = new ScopeBinding("when", When, null, typeof(DateOnly?)),
    };

    /// <summary>The scope of a <c>where</c> on a Proposal, or (with <paramref name="filtering"/> false) of an <c>each</c>/<c>having</c>.</summary>
    public BindingScope Scope(bool filtering = true) =>
        filtering ? new BindingScope(Proposal, ProposalParameter, Bindings) : new BindingScope(null, null, Bindings);

    public BoundExpression? BindCondition(string text, DiagnosticBag diagnostics, bool filtering = true, SourceLocation? origin = null)
    {
        var node = ExpressionParser.Parse(text, origin ?? Origin, diagnostics);
        return node is null ? null : new ExpressionBinder(Scope(filtering), text, origin ?? Origin, diagnostics).BindCondition(node);
    }

    public BoundExpression? BindValue(string text, DiagnosticBag diagnostics, bool filtering = true)
    {
        var node = ExpressionParser.Parse(text, Origin, diagnostics);
        return node is null ? null : new ExpressionBinder(Scope(filtering), text, Origin, diagnostics).BindValue(node);
    }

    /// <summary>Binds a condition that must be valid and evaluates it on the sample facts (or <paramref name="proposal"/>).</summary>
    public bool Evaluate(string text, TestProposal? proposal = null)
    {
        var diagnostics = new DiagnosticBag();
        var bound = BindCondition(text, diagnostics);
        Assert.True(bound is not null, $"'{text}' did not bind: {string.Join("; ", diagnostics.Items)}");
        Assert.Equal(typeof(bool), bound.ClrType);
        return (bool)Invoke(bound, proposal ?? SampleProposal)!;
    }

    /// <summary>Binds a value that must be valid and evaluates it on the sample facts.</summary>
    public object? EvaluateValue(string text, bool filtering = true)
    {
        var diagnostics = new DiagnosticBag();
        var bound = BindValue(text, diagnostics, filtering);
        Assert.True(bound is not null, $"'{text}' did not bind: {string.Join("; ", diagnostics.Items)}");
        return Invoke(bound, SampleProposal);
    }

    public object? Invoke(BoundExpression bound, TestProposal proposal)
    {
        var values = new Dictionary<ParameterExpression, object?>
        {
            [ProposalParameter] = proposal,
            [P] = SampleP,
            [Q] = SampleQ,
            [N] = 3m,
            [Party] = "ua",
            [Role] = TestRole.Guarantor,
            [When] = new DateOnly(2025, 3, 1),
        };
        var compiled = bound.ToLambda().Compile();
        try
        {
            return compiled.DynamicInvoke([.. bound.Parameters.Select(p => values[p])]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Binds text that must fail and returns its one error.</summary>
    public Diagnostic SingleError(string text, bool filtering = true, SourceLocation? origin = null)
    {
        var diagnostics = new DiagnosticBag();
        var bound = BindCondition(text, diagnostics, filtering, origin);
        Assert.Null(bound);
        return Assert.Single(diagnostics.Items);
    }

    private static FactTypeDescriptor Describe(string name, Type type)
    {
        var descriptor = FactTypeDescriptor.Describe(name, type, FactTypeRole.Scenario, out var problems);
        Assert.Empty(problems);
        return descriptor;
    }
}
