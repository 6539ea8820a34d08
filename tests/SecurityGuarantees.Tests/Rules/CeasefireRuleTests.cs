using SecurityGuarantees.Facts;
using static SecurityGuarantees.Tests.Rules.RuleAssert;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>The ceasefire rule set (domain issue §2 items 1, 2, 3, 12, 13 and 14), each firing and at its boundaries.</summary>
public sealed class CeasefireRuleTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static Results.EvaluationResult Evaluate(string fixture, params string[] edits) => DomainScenario.Evaluate(Engine, fixture, edits);

    // 1. ceasefire-in-force

    [Fact]
    public void CeasefireInForce_TruceInForceAndMutualCeasefireAcceptedByBoth_HoldsForEachWithItsRule()
    {
        var result = Evaluate("ceasefire-in-force.yaml");

        DerivedBy(Holds(result, "ceasefire-in-force", "truce"), "ceasefire-in-force");
        DerivedBy(Holds(result, "ceasefire-in-force", "accord"), "ceasefire-in-force.by-acceptance");
        Assert.Equal(Severity.Info, result.Conditions.First(c => c.Id == "ceasefire-in-force").Severity);
        Assert.DoesNotContain(result.NextSteps, s => s.Subject is "truce" or "accord");
    }

    [Theory]
    [InlineData("status: in-force }", "status: expired }")]
    [InlineData("status: in-force }", "status: lapsed }")]
    [InlineData("status: in-force }", "status: open }")]
    [InlineData("status: in-force }", "status: draft }")]
    [InlineData("kind: truce", "kind: moratorium")]
    [InlineData("kind: truce", "kind: peace-framework")]
    [InlineData("kind: truce", "kind: memorandum")]
    [InlineData("start: 2025-04-19", "start: 2025-04-21")]
    [InlineData("ends: 2025-04-20", "ends: 2025-04-19")]
    public void CeasefireInForce_TruceOutsideItsKindStatusOrDates_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("ceasefire-in-force.yaml", find, replace), "ceasefire-in-force", "truce");
    }

    [Theory]
    [InlineData("kind: truce", "kind: partial-ceasefire")]
    [InlineData("kind: truce", "kind: ceasefire")]
    [InlineData("start: 2025-04-19", "start: 2025-04-20")]
    [InlineData("start: 2025-04-19, ends: 2025-04-20, ", "")]
    public void CeasefireInForce_TruceVariantsWithinTheBoundaries_StillHold(string find, string replace)
    {
        Holds(Evaluate("ceasefire-in-force.yaml", find, replace), "ceasefire-in-force", "truce");
    }

    [Theory]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: pending")]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: conditional")]
    [InlineData("    - { proposal: accord, party: RU, stance: accepted }\n", "")]
    [InlineData("mutual: true", "mutual: false")]
    [InlineData("start: 2025-04-01", "start: 2025-04-01, status: draft")]
    [InlineData("start: 2025-04-01", "start: 2025-04-01, status: expired")]
    [InlineData("start: 2025-04-01", "start: 2025-04-01, status: lapsed")]
    [InlineData("start: 2025-04-01", "start: 2025-04-21")]
    [InlineData("start: 2025-04-01", "start: 2025-04-01, ends: 2025-04-19")]
    [InlineData("kind: ceasefire, title: Jeddah", "kind: moratorium, title: Jeddah")]
    [InlineData("proposedBy: [US], addressees: [UA, RU]", "proposedBy: [US], addressees: [FR]")]
    public void CeasefireInForce_MutualCeasefireNotAcceptedByEveryBelligerentOrOutsideItsDates_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("ceasefire-in-force.yaml", find, replace), "ceasefire-in-force", "accord");
    }

    [Theory]
    [InlineData("addressees: [UA, RU]", "addressees: [UA]")]
    [InlineData("kind: ceasefire, title: Jeddah", "kind: partial-ceasefire, title: Jeddah")]
    [InlineData("start: 2025-04-01", "start: 2025-04-01, ends: 2025-04-20")]
    [InlineData("{ id: RU, roles: [belligerent] }", "{ id: RU }\n    - { id: BY, roles: [belligerent] }")]
    public void CeasefireInForce_MutualCeasefireAcceptedByTheBelligerentsInvolved_Holds(string find, string replace)
    {
        Holds(Evaluate("ceasefire-in-force.yaml", find, replace), "ceasefire-in-force", "accord");
    }

    [Fact]
    public void CeasefireInForce_StatusInForceWithoutRussiasAcceptance_HoldsByStatusAlone()
    {
        var result = Evaluate("ceasefire-in-force.yaml", "start: 2025-04-01", "start: 2025-04-01, status: in-force", "party: RU, stance: accepted", "party: RU, stance: pending");
        DerivedBy(Holds(result, "ceasefire-in-force", "accord"), "ceasefire-in-force");
    }

    [Fact]
    public void CeasefireInForce_InForceAndAcceptedByBoth_HasBothReasons()
    {
        var result = Evaluate("ceasefire-in-force.yaml", "start: 2025-04-01", "start: 2025-04-01, status: in-force");
        DerivedBy(Holds(result, "ceasefire-in-force", "accord"), "ceasefire-in-force", "ceasefire-in-force.by-acceptance");
    }

    // 2. ceasefire-pending

    [Fact]
    public void CeasefirePending_UkraineAcceptedRussiaPending_RussiaToRespondEachProposerToConvey()
    {
        var result = Evaluate("ceasefire-pending.yaml");

        var condition = Holds(result, "ceasefire-pending", "jeddah", "RU");
        Assert.Equal(Severity.Warning, condition.Severity);
        NextSteps(result, "respond-to-ceasefire", "jeddah", "RU");
        NextSteps(result, "convey-offer", "jeddah", "SA", "US");
    }

    [Theory]
    [InlineData("party: UA, stance: accepted", "party: UA, stance: conditional")]
    [InlineData("party: RU, stance: pending", "party: RU, stance: conditional")]
    [InlineData("party: RU, stance: pending", "party: RU, stance: ignored")]
    [InlineData("party: RU, stance: pending", "party: RU, stance: counter-proposed")]
    [InlineData("    - { proposal: jeddah, party: RU, stance: pending }\n", "")]
    public void CeasefirePending_RussiaWithoutAYesOrNo_StillHolds(string find, string replace)
    {
        var result = Evaluate("ceasefire-pending.yaml", find, replace);
        Holds(result, "ceasefire-pending", "jeddah", "RU");
        NextSteps(result, "respond-to-ceasefire", "jeddah", "RU");
    }

    [Theory]
    [InlineData("party: RU, stance: pending", "party: RU, stance: accepted")]
    [InlineData("party: RU, stance: pending", "party: RU, stance: rejected")]
    [InlineData("party: UA, stance: accepted", "party: UA, stance: pending")]
    [InlineData("party: UA, stance: accepted", "party: UA, stance: rejected")]
    [InlineData("party: UA, stance: accepted", "party: UA, stance: counter-proposed")]
    [InlineData("    - { proposal: jeddah, party: UA, stance: accepted }\n", "")]
    [InlineData("mutual: true", "mutual: false")]
    [InlineData("kind: ceasefire", "kind: partial-ceasefire")]
    [InlineData("kind: ceasefire", "kind: truce")]
    public void CeasefirePending_RussiaAnsweredOrUkraineDidNotAcceptOrNotAMutualCeasefire_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("ceasefire-pending.yaml", find, replace);
        DoesNotHold(result, "ceasefire-pending");
        NoNextSteps(result, "respond-to-ceasefire", "convey-offer");
    }

    // 3. conditions-added

    [Fact]
    public void ConditionsAdded_RussiaConditionalOnAnOpenPrecondition_ProposersClarify()
    {
        var result = Evaluate("conditions-added.yaml");

        Holds(result, "conditions-added", "jeddah", "RU");
        NextSteps(result, "clarify-conditions", "jeddah", "GB", "US");
    }

    [Theory]
    [InlineData("timing: precondition", "timing: settlement")]
    [InlineData("timing: precondition", "timing: precondition, status: withdrawn")]
    [InlineData("conditions: [withdrawal, verification]", "conditions: [verification]")]
    [InlineData("party: RU, stance: conditional", "party: RU, stance: accepted")]
    [InlineData("party: RU, stance: conditional", "party: RU, stance: pending")]
    [InlineData("holder: RU", "holder: BY")]
    [InlineData("{ proposal: other, kind: withdrawal }", "{ proposal: jeddah, kind: withdrawal }")]
    public void ConditionsAdded_NoOpenPreconditionOrTheOfferHasTheTerm_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("conditions-added.yaml", find, replace);
        DoesNotHold(result, "conditions-added");
        NoNextSteps(result, "clarify-conditions");
    }

    [Fact]
    public void ConditionsAdded_AnyConditioningParty_IsNamed()
    {
        var result = Evaluate("conditions-added.yaml",
            "    - { proposal: jeddah, party: UA, stance: accepted }", "    - { proposal: jeddah, party: UA, stance: conditional, conditions: [sanctions-relief] }",
            "  Demand:\n", "  Demand:\n    - { id: ua-sanctions, holder: UA, target: RU, kind: sanctions-relief, timing: precondition }\n");

        Holds(result, "conditions-added", "jeddah", "RU", "UA");
    }

    // 12. proposal-expired

    [Fact]
    public void ProposalExpired_EndedBeforeAsOfAndNotRenewed_ProposersSeekRenewal()
    {
        var result = Evaluate("proposal-expired.yaml");

        Holds(result, "proposal-expired", "pause");
        NextSteps(result, "seek-renewal", "pause", "SA", "US");
        DoesNotHold(result, "proposal-expired", "next");
    }

    [Theory]
    [InlineData("ends: 2025-04-17", "ends: 2025-04-20")]
    [InlineData("ends: 2025-04-17", "ends: 2025-04-21")]
    [InlineData("start: 2025-03-18, ends: 2025-04-17, ", "start: 2025-03-18, ")]
    [InlineData("renews: unrelated", "renews: pause")]
    public void ProposalExpired_EndsOnOrAfterAsOfOrRenewed_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("proposal-expired.yaml", find, replace);
        DoesNotHold(result, "proposal-expired");
        NoNextSteps(result, "seek-renewal");
    }

    [Fact]
    public void ProposalExpired_EndedTheDayBefore_Holds()
    {
        Holds(Evaluate("proposal-expired.yaml", "ends: 2025-04-17", "ends: 2025-04-19"), "proposal-expired", "pause");
    }

    // 13. short-unilateral-truce

    [Fact]
    public void ShortUnilateralTruce_ThirtyHoursAgainstAnAcceptedThirtyDayOffer_UkraineCounterProposes()
    {
        var result = Evaluate("short-unilateral-truce.yaml");

        Holds(result, "short-unilateral-truce", "truce");
        NextSteps(result, "counter-propose-extension", "truce", "UA");
        DoesNotHold(result, "short-unilateral-truce", "offer");
    }

    [Theory]
    [InlineData("durationDays: 1.25", "durationDays: 29")]
    [InlineData("durationDays: 1.25", "durationDays: 29.9")]
    [InlineData("durationDays: 1.25", "start: 2025-04-01, ends: 2025-04-29")]
    [InlineData("durationDays: 1.25", "start: 2025-04-19, ends: 2025-04-20")]
    [InlineData("durationDays: 30, mutual", "durationDays: 90, mutual")]
    [InlineData("durationDays: 30, mutual", "durationDays: 30, ends: 2025-04-20, mutual")]
    public void ShortUnilateralTruce_ShorterThanThirtyDaysWhileUkraineHoldsAnOffer_Holds(string find, string replace)
    {
        Holds(Evaluate("short-unilateral-truce.yaml", find, replace), "short-unilateral-truce", "truce");
    }

    [Fact]
    public void ShortUnilateralTruce_UkrainesOwnThirtyDayOffer_Holds()
    {
        var result = Evaluate("short-unilateral-truce.yaml",
            "party: UA, stance: accepted", "party: UA, stance: rejected",
            "  Position:\n", "    - { id: own, kind: ceasefire, title: Ukraine's offer, durationDays: 30, proposedBy: [UA] }\n  Position:\n");

        Holds(result, "short-unilateral-truce", "truce");
        NextSteps(result, "counter-propose-extension", "truce", "UA");
    }

    [Theory]
    [InlineData("durationDays: 1.25", "durationDays: 30")]
    [InlineData("durationDays: 1.25", "durationDays: 45")]
    [InlineData("durationDays: 1.25", "start: 2025-04-01, ends: 2025-04-30")]
    [InlineData("unilateral: true", "unilateral: false")]
    [InlineData("kind: truce", "kind: ceasefire")]
    [InlineData("durationDays: 30, mutual", "durationDays: 29, mutual")]
    [InlineData("durationDays: 30, mutual", "durationDays: 30, status: expired, mutual")]
    [InlineData("durationDays: 30, mutual", "durationDays: 30, ends: 2025-04-19, mutual")]
    [InlineData("kind: ceasefire, title: Jeddah", "kind: partial-ceasefire, title: Jeddah")]
    [InlineData("party: UA, stance: accepted", "party: UA, stance: conditional")]
    [InlineData("party: UA, stance: accepted", "party: UA, stance: pending")]
    public void ShortUnilateralTruce_ThirtyDaysOrMoreOrNoStandingUkrainianOffer_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("short-unilateral-truce.yaml", find, replace);
        DoesNotHold(result, "short-unilateral-truce");
        NoNextSteps(result, "counter-propose-extension");
    }

    // 14. condition-unmet-by-third-party

    [Fact]
    public void ConditionUnmetByThirdParty_SanctionsReliefOnlyTheEuCanGrant_NamesTheEu()
    {
        var result = Evaluate("condition-unmet-by-third-party.yaml");

        Holds(result, "condition-unmet-by-third-party", "black-sea", "EU");
        Assert.DoesNotContain(result.NextSteps, s => s.Justifications.Any(j => j.Rule.StartsWith("condition-unmet-by-third-party", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("party: EU, stance: pending", "party: EU, stance: conditional")]
    [InlineData("party: EU, stance: pending", "party: EU, stance: rejected")]
    [InlineData("    - { proposal: black-sea, party: EU, stance: pending }\n", "")]
    [InlineData("timing: precondition", "timing: settlement")]
    [InlineData("conditions: [sanctions-relief]", "conditions: [verification, sanctions-relief]")]
    public void ConditionUnmetByThirdParty_TargetHasNotAccepted_Holds(string find, string replace)
    {
        Holds(Evaluate("condition-unmet-by-third-party.yaml", find, replace), "condition-unmet-by-third-party", "black-sea", "EU");
    }

    [Theory]
    [InlineData("party: EU, stance: pending", "party: EU, stance: accepted")]
    [InlineData("timing: precondition", "timing: precondition, status: withdrawn")]
    [InlineData("conditions: [sanctions-relief]", "conditions: [verification]")]
    [InlineData("party: RU, stance: conditional", "party: RU, stance: accepted")]
    [InlineData("party: RU, stance: conditional", "party: RU, stance: pending")]
    [InlineData("holder: RU", "holder: UA")]
    [InlineData("kind: sanctions-relief", "kind: root-causes")]
    [InlineData("target: EU, ", "")]
    public void ConditionUnmetByThirdParty_TargetAcceptedOrNoSuchRussianCondition_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("condition-unmet-by-third-party.yaml", find, replace), "condition-unmet-by-third-party");
    }
}
