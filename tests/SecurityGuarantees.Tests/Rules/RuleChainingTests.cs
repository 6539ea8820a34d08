using static SecurityGuarantees.Tests.Rules.RuleAssert;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>
/// Rules that read other rules' conditions: "no ceasefire in force" is the absence of <c>ceasefire-in-force</c>, so
/// Russia's acceptance of a ceasefire switches a whole chain of conclusions at once.
/// </summary>
public sealed class RuleChainingTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static readonly string[] Contributors = ["DE", "DK", "EE", "FI", "FR", "GB", "LT", "NL", "NO", "SE"];

    private static Results.EvaluationResult Evaluate(params string[] edits) => DomainScenario.Evaluate(Engine, "chaining.yaml", edits);

    [Fact]
    public void Chain_NoCeasefireInForce_GuaranteesDormantTalksUnderFireNoDeploymentNoBreach()
    {
        var result = Evaluate();

        DoesNotHold(result, "ceasefire-in-force");
        Holds(result, "ceasefire-pending", "cf", "RU");
        Holds(result, "contingency-planning-only", "reassurance-force");
        Holds(result, "guarantee-dormant", "rf-fr", "FR");
        Assert.Equal(10, result.Conditions.Count(c => c.Id == "guarantee-dormant"));
        Holds(result, "negotiation-under-fire", "talks");
        DoesNotHold(result, "deployment-planning");
        DoesNotHold(result, "ceasefire-breach");
        NoNextSteps(result, "activate-force-hq", "attribute-breach", "apply-consequence");
    }

    [Fact]
    public void Chain_RussiaAccepts_CeasefireInForceSwitchesTheChain()
    {
        var result = Evaluate("party: RU, stance: pending", "party: RU, stance: accepted");

        DerivedBy(Holds(result, "ceasefire-in-force", "cf"), "ceasefire-in-force.by-acceptance");
        DoesNotHold(result, "ceasefire-pending");
        DoesNotHold(result, "contingency-planning-only");
        DoesNotHold(result, "guarantee-dormant");
        DoesNotHold(result, "negotiation-under-fire");
        NoNextSteps(result, "respond-to-ceasefire", "convey-offer", "humanitarian-measures");

        Holds(result, "deployment-planning", "reassurance-force");
        NextSteps(result, "activate-force-hq", "reassurance-force", Contributors);

        Holds(result, "ceasefire-breach", "cf", "RU");
        NextSteps(result, "attribute-breach", "cf", "US");
        NextSteps(result, "apply-consequence", "cf", "US");
    }

    [Fact]
    public void Chain_RussiaAcceptsButTheUsDidNotSign_UsBackstopUnconfirmedBlocksDeployment()
    {
        var result = Evaluate("party: RU, stance: pending", "party: RU, stance: accepted", "signatories: [FR, GB, US]", "signatories: [FR, GB]");

        Holds(result, "ceasefire-in-force", "cf");
        Holds(result, "us-backstop-unconfirmed", "declaration", "US");
        DoesNotHold(result, "deployment-planning");
        NoNextSteps(result, "activate-force-hq");
    }

    [Fact]
    public void Chain_CeasefireInForceEndsBeforeAsOf_TheChainSwitchesBackAndTheCeasefireHasExpired()
    {
        var result = Evaluate("party: RU, stance: pending", "party: RU, stance: accepted", "durationDays: 30, ", "durationDays: 30, start: 2025-04-14, ends: 2025-05-13, ");

        DoesNotHold(result, "ceasefire-in-force");
        Holds(result, "guarantee-dormant", "rf-fr", "FR");
        Holds(result, "contingency-planning-only", "reassurance-force");
        Holds(result, "proposal-expired", "cf");
        NextSteps(result, "seek-renewal", "cf", "US");
        DoesNotHold(result, "ceasefire-breach");
    }

    [Fact]
    public void Chain_MoratoriumInForce_IsNotACeasefire()
    {
        var result = Evaluate("kind: ceasefire", "kind: moratorium", "addressees: [UA, RU] }", "addressees: [UA, RU], status: in-force }");

        DoesNotHold(result, "ceasefire-in-force");
        Holds(result, "guarantee-dormant", "rf-fr", "FR");
        Holds(result, "contingency-planning-only", "reassurance-force");
        Holds(result, "negotiation-under-fire", "talks");
    }

    [Fact]
    public void Chain_UnilateralTruceInForce_CountsAsACeasefireInForce()
    {
        var result = Evaluate("  Proposal:\n", "  Proposal:\n    - { id: truce, kind: truce, title: Truce, unilateral: true, proposedBy: [RU], start: 2025-05-15, ends: 2025-05-15, status: in-force }\n");

        Holds(result, "ceasefire-in-force", "truce");
        DoesNotHold(result, "guarantee-dormant");
        DoesNotHold(result, "contingency-planning-only");
        DoesNotHold(result, "negotiation-under-fire");
        Holds(result, "deployment-planning", "reassurance-force");
        DoesNotHold(result, "ceasefire-breach");
    }

    [Fact]
    public void Chain_NineContributorsAfterRussiaAccepts_NoDeploymentPlanning()
    {
        var result = Evaluate("party: RU, stance: pending", "party: RU, stance: accepted", "party: LT", "party: EE");

        Holds(result, "ceasefire-in-force", "cf");
        DoesNotHold(result, "deployment-planning");
    }
}
