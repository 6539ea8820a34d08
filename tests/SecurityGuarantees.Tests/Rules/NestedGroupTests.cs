using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>
/// <c>exists: all:</c> and <c>not: all:</c> groups whose elements refer only to each other, after another element.
/// With NRules 1.0.4 such a group never matches (found by the force-protection-risk tests; a plain NRules
/// <c>RuleBuilder</c> rule <c>Today, not(P p, T t where t.Proposal == p.Id)</c> fires with a matching P and T).
/// The shipped rules avoid the shape (force-protection-risk puts its <c>any:</c> first); these tests are skipped
/// until the engine works around it.
/// </summary>
public sealed class NestedGroupTests
{
    private const string Skip = "NRules 1.0.4: an exists/not group over all: that refers to no earlier binding never matches after another element; the engine must work around it (see the closing note of session 1)";

    private const string Scenario = """
        scenario: s
        asOf: 2025-11-24
        facts:
          Proposal:
            - { id: plan, proposedBy: [RU] }
          Term:
            - { proposal: plan, kind: no-foreign-troops }
        """;

    private static Results.EvaluationResult Evaluate(string when)
    {
        var engine = TestEngines.FromText($"""
            version: 1
            ruleset: t
            rules:
              - id: r
                when:
            {when}
                then:
                  - condition: c
            """);
        return engine.Evaluate(engine.ParseScenario("s.yaml", Scenario));
    }

    [Fact]
    public void ExistsAll_FirstElement_Matches()
    {
        var result = Evaluate("""
                  - exists:
                      all:
                        - { fact: Proposal, as: p }
                        - { fact: Term, where: proposal == p.id }
                  - fact: Today
            """);
        Assert.Single(result.Conditions);
    }

    [Fact(Skip = Skip)]
    public void ExistsAll_AfterAnotherElement_Matches()
    {
        var result = Evaluate("""
                  - fact: Today
                  - exists:
                      all:
                        - { fact: Proposal, as: p }
                        - { fact: Term, where: proposal == p.id }
            """);
        Assert.Single(result.Conditions);
    }

    [Fact(Skip = Skip)]
    public void NotAll_AfterAnotherElementWithAMatch_DoesNotHold()
    {
        var result = Evaluate("""
                  - fact: Today
                  - not:
                      all:
                        - { fact: Proposal, as: p }
                        - { fact: Term, where: proposal == p.id }
            """);
        Assert.Empty(result.Conditions);
    }
}
