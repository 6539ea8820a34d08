using System.Linq.Expressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Tests.Expressions;

/// <summary>NRules shares Rete nodes between structurally equal conditions, so binding must be deterministic and canonical.</summary>
public sealed class CanonicalTreeTests
{
    public static TheoryData<string> Conditions => new()
    {
        "kind in [\"ceasefire\", \"article5-like\"] && durationDays > 10 && title == \"x\"",
        "stance == \"accepted\" || p.verdict == p.stance",
        "\"belligerent\" in p.roles && contains(roles, \"guarantor\") && role in roles",
        "daysBetween(start, 2025-03-12) >= 30 && lower(title) < \"m\" && startsWith(id, \"P\")",
        "count(proposedBy) + n * 2 / 3 - 1 != null and not mutual or accepted",
        "score > budget && amount in [1, 2.5] && 2025-01-01 in deadlines && 3 in numbers",
        "party in proposedBy && p.party == party && kind == party && when < start",
    };

    private readonly ExpressionHarness _harness = new();

    private BoundExpression Bind(string text, BindingScope? scope = null)
    {
        var diagnostics = new DiagnosticBag();
        var node = ExpressionParser.Parse(text, ExpressionHarness.Origin, diagnostics);
        Assert.True(node is not null, string.Join("; ", diagnostics.Items));
        var bound = new ExpressionBinder(scope ?? _harness.Scope(), text, ExpressionHarness.Origin, diagnostics).BindCondition(node);
        Assert.True(bound is not null, string.Join("; ", diagnostics.Items));
        return bound;
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void The_same_text_in_the_same_scope_gives_structurally_identical_trees(string text)
    {
        // Two scopes built separately but holding the same parameters, as a rule compiler would build them.
        var first = Bind(text, _harness.Scope());
        var second = Bind(text, _harness.Scope());
        Assert.NotSame(first.Body, second.Body);
        Assert.Equal(first.Body.ToString(), second.Body.ToString());
        Assert.Equal(ExpressionShape.Of(first.Body), ExpressionShape.Of(second.Body));
        Assert.Equal(first.Parameters, second.Parameters);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Trees_have_no_blocks_closures_or_mutable_constants(string text)
    {
        var nodes = ExpressionShape.Nodes(Bind(text).Body).ToList();
        Assert.DoesNotContain(nodes, n => n.NodeType is ExpressionType.Block or ExpressionType.Lambda or ExpressionType.Invoke
            or ExpressionType.Quote or ExpressionType.Assign or ExpressionType.Loop or ExpressionType.Try);
        foreach (var constant in nodes.OfType<ConstantExpression>())
        {
            var type = Nullable.GetUnderlyingType(constant.Type) ?? constant.Type;
            Assert.True(
                type == typeof(string) || type == typeof(decimal) || type == typeof(bool) || type == typeof(DateOnly) || type == typeof(int) || type.IsEnum,
                $"constant of type {constant.Type} in {text}");
        }
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Only_the_sandboxed_functions_are_called(string text)
    {
        var calls = ExpressionShape.Nodes(Bind(text).Body).OfType<MethodCallExpression>();
        Assert.All(calls, call => Assert.Equal(typeof(ExpressionFunctions), call.Method.DeclaringType));
    }

    [Fact]
    public void Numeric_constants_are_always_nullable_decimals()
    {
        var constants = Constants(Bind("durationDays > 10 && amount * 2.5 <= -1 && n in [1, 2] && 3 in numbers && count(roles) == 0"));
        Assert.All(constants.Where(c => c.Value is decimal or int or long or double), c => Assert.Equal(typeof(decimal?), c.Type));
        Assert.Equal(7, constants.Count(c => c.Type == typeof(decimal?)));
    }

    [Fact]
    public void Enum_constants_have_the_type_of_the_field()
    {
        Assert.Equal(typeof(TestProposalKind), Assert.Single(Constants(Bind("kind == \"ceasefire\""))).Type);
        Assert.Equal(typeof(TestStance?), Assert.Single(Constants(Bind("stance == \"accepted\""))).Type);
        Assert.Equal(typeof(TestStance), Assert.Single(Constants(Bind("p.stance != \"rejected\""))).Type);
        Assert.Equal(typeof(TestRole), Assert.Single(Constants(Bind("contains(roles, \"guarantor\")"))).Type);
        Assert.Equal(typeof(TestRole), Assert.Single(Constants(Bind("role == \"mediator\""))).Type);
        Assert.Equal(TestProposalKind.Article5Like, Assert.Single(Constants(Bind("kind == \"article5-like\""))).Value);
    }

    [Fact]
    public void Membership_in_a_literal_list_is_an_OrElse_chain_of_equalities()
    {
        var body = Bind("kind in [\"ceasefire\", \"article5-like\", \"reassurance-force\"]").Body;
        var outer = Assert.IsAssignableFrom<BinaryExpression>(body);
        Assert.Equal(ExpressionType.OrElse, outer.NodeType);
        Assert.Equal(ExpressionType.OrElse, outer.Left.NodeType);
        Assert.Equal(ExpressionType.Equal, outer.Right.NodeType);
        Assert.Equal(3, ExpressionShape.Nodes(body).Count(n => n.NodeType == ExpressionType.Equal));
        Assert.Equal(ExpressionType.Constant, Bind("id in []").Body.NodeType);
        Assert.Equal(ExpressionType.Not, Bind("id not in [\"a\"]").Body.NodeType);
    }

    [Fact]
    public void Membership_in_a_list_field_calls_contains()
    {
        var call = Assert.IsAssignableFrom<MethodCallExpression>(Bind("\"us\" in proposedBy").Body);
        Assert.Equal(nameof(ExpressionFunctions.Contains), call.Method.Name);
        Assert.Equal(typeof(string), call.Method.GetGenericArguments().Single());
    }

    [Theory]
    [InlineData("contains(roles, \"guarantor\")", "\"guarantor\" in roles")]
    [InlineData("contains([\"a\", \"b\"], id)", "id in [\"a\", \"b\"]")]
    [InlineData("mutual and not accepted or false", "mutual && !accepted || false")]
    [InlineData("(kind)==\"ceasefire\"", "  kind  ==  \"ceasefire\"  ")]
    [InlineData("n == 1.0", "n == 1.0")]
    public void Equivalent_spellings_give_the_same_tree(string a, string b)
    {
        Assert.Equal(Bind(a).Body.ToString(), Bind(b).Body.ToString());
        Assert.Equal(ExpressionShape.Of(Bind(a).Body), ExpressionShape.Of(Bind(b).Body));
    }

    [Fact]
    public void Parameters_are_the_used_ones_current_first_then_in_scope_order_each_once()
    {
        Assert.Equal([_harness.ProposalParameter, _harness.P, _harness.Party], Bind("party == p.party && mutual && mutual && p.id != \"\"").Parameters);
        Assert.Equal([_harness.Q, _harness.When], Bind("when == null || q.party == \"x\"").Parameters);
        Assert.Empty(Bind("1 < 2").Parameters);
    }

    [Fact]
    public void A_current_fact_that_is_also_bound_by_name_is_one_parameter()
    {
        var bindings = _harness.Bindings;
        bindings["proposal"] = new ScopeBinding("proposal", _harness.ProposalParameter, ExpressionHarness.Proposal, null);
        var scope = new BindingScope(ExpressionHarness.Proposal, _harness.ProposalParameter, bindings);
        var bound = Bind("proposal.kind == \"ceasefire\" && mutual && p.party == \"ua\"", scope);
        Assert.Equal([_harness.ProposalParameter, _harness.P], bound.Parameters);
        Assert.Equal(Bind("kind == \"ceasefire\" && mutual && p.party == \"ua\"", scope).Body.ToString(), bound.Body.ToString());
    }

    [Fact]
    public void Split_conjuncts_bind_to_separate_conditions_with_their_own_parameters()
    {
        const string text = "mutual && p.party == party && (q.stance == \"rejected\" || n > 1)";
        var diagnostics = new DiagnosticBag();
        var node = ExpressionParser.Parse(text, ExpressionHarness.Origin, diagnostics)!;
        var binder = new ExpressionBinder(_harness.Scope(), text, ExpressionHarness.Origin, diagnostics);
        var conditions = ExpressionBinder.SplitConjuncts(node).Select(c => binder.BindCondition(c)!).ToList();
        Assert.Equal(3, conditions.Count);
        Assert.Equal([_harness.ProposalParameter], conditions[0].Parameters);
        Assert.Equal([_harness.P, _harness.Party], conditions[1].Parameters);
        Assert.Equal([_harness.Q, _harness.N], conditions[2].Parameters);
        Assert.All(conditions, c => Assert.True((bool)_harness.Invoke(c, ExpressionHarness.SampleProposal)!));
    }

    private static List<ConstantExpression> Constants(BoundExpression bound) =>
        [.. ExpressionShape.Nodes(bound.Body).OfType<ConstantExpression>()];
}
