using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>
/// <c>exists: all:</c> and <c>not: all:</c> groups whose elements refer only to each other, after another element.
/// NRules 1.0.4's exists and not nodes always join their right side as a correlated subnet, so such a group never
/// matched there (a plain NRules <c>RuleBuilder</c> rule <c>Today, exists(P p, T t where t.Proposal == p.Id)</c> shows
/// it). The compiler now moves such groups into a hidden rule that links a marker (<c>GroupMarkerRule</c>).
/// </summary>
public sealed class NestedGroupTests
{
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

    [Fact]
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

    [Fact]
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

    [Fact]
    public void NotAll_AfterAnotherElementWithoutAMatch_Holds()
    {
        var engine = TestEngines.FromText("""
            version: 1
            ruleset: t
            rules:
              - id: r
                when:
                  - fact: Today
                  - not:
                      all:
                        - { fact: Proposal, as: p }
                        - { fact: Term, where: proposal == p.id && kind == "withdrawal" }
                then:
                  - condition: c
            """);
        Assert.Single(engine.Evaluate(engine.ParseScenario("s.yaml", Scenario)).Conditions);
    }

    [Fact]
    public void UncorrelatedGroupNestedInACorrelatedNot_IsEvaluated()
    {
        var result = Evaluate("""
                  - fact: Proposal
                    as: q
                  - not:
                      all:
                        - { fact: Term, where: proposal == q.id && kind == "withdrawal" }
                        - exists:
                            all:
                              - { fact: Proposal, as: p }
                              - { fact: Term, where: proposal == p.id }
            """);
        Assert.Single(result.Conditions); // no withdrawal term on q, so the not holds whatever the inner group says
    }

    [Fact]
    public void ExistsAll_GoesWhenItsMatchIsRetracted_AndTheHiddenRuleStaysOutOfTheFiringLog()
    {
        var engine = TestEngines.FromText("""
            version: 1
            ruleset: t
            rules:
              - id: r
                when:
                  - fact: Today
                  - exists:
                      all:
                        - { fact: Proposal, as: p }
                        - { fact: Term, where: proposal == p.id }
                then:
                  - condition: c
            """);
        var scenario = engine.ParseScenario("s.yaml", Scenario);
        var session = engine.CreateSession(scenario, null);
        session.Insert(scenario.Facts);
        session.SetToday(scenario.AsOf!.Value, first: true);
        session.Fire(CancellationToken.None);
        Assert.Single(session.Snapshot("s", scenario.AsOf.Value).Conditions);
        Assert.Equal(["r"], session.FiringLog);

        session.Retract(scenario.Facts.OfType<SecurityGuarantees.Domain.Term>());
        session.Fire(CancellationToken.None);
        Assert.Empty(session.Snapshot("s", scenario.AsOf.Value).Conditions);
    }

    /// <summary>
    /// NRules 1.0.4 drops the elements before a group's last pattern when that pattern has no join condition; each
    /// case is a group whose earlier element decides the outcome. (q is the proposal "plan"; there is no Party and no
    /// withdrawal term.)
    /// </summary>
    [Theory]
    [InlineData("not", "{ fact: Term, where: 'proposal == q.id && kind == \"withdrawal\"' }", "{ fact: Today }", 1)]
    [InlineData("not", "{ fact: Term, where: 'proposal == q.id && kind == \"withdrawal\"' }", "{ fact: Proposal }", 1)]
    [InlineData("exists", "{ fact: Term, where: 'proposal == q.id && kind == \"withdrawal\"' }", "{ fact: Today }", 0)]
    [InlineData("exists", "{ fact: Party }", "{ fact: Today }", 0)]
    [InlineData("not", "{ fact: Party }", "{ fact: Proposal }", 1)]
    [InlineData("exists", "{ fact: Today }", "{ fact: Term, where: 'proposal == q.id' }", 1)]
    [InlineData("exists", "{ not: { fact: Party } }", "{ fact: Term }", 1)]
    [InlineData("not", "{ not: { fact: Party } }", "{ fact: Term }", 0)]
    public void GroupsWhoseLastPatternHasNoJoin_KeepTheirEarlierElements(string quantifier, string first, string second, int expected)
    {
        var result = Evaluate($$"""
                  - fact: Proposal
                    as: q
                  - {{quantifier}}:
                      all: [{{first}}, {{second}}]
            """);
        Assert.Equal(expected, result.Conditions.Count);
    }
}
