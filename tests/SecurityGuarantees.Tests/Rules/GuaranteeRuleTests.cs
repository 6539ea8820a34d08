using SecurityGuarantees.Facts;
using static SecurityGuarantees.Tests.Rules.RuleAssert;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>The guarantee rule set (domain issue §2 items 4-9, 18-20 and 22), each firing and at its boundaries.</summary>
public sealed class GuaranteeRuleTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static Results.EvaluationResult Evaluate(string fixture, params string[] edits) => DomainScenario.Evaluate(Engine, fixture, edits);

    // 4. demand-conflicts-with-first-guarantee

    [Fact]
    public void DemandConflicts_DemilitarisationAndCapBelow600000_EachHolderOfThePrincipleRejects()
    {
        var result = Evaluate("demand-conflicts-with-first-guarantee.yaml");

        Assert.Equal(Severity.Warning, Holds(result, "demand-conflicts-with-first-guarantee", "d-kind", "RU").Severity);
        Holds(result, "demand-conflicts-with-first-guarantee", "d-cap", "RU");
        NextSteps(result, "reject-demand", "d-kind", "FR", "UA");
        NextSteps(result, "reject-demand", "d-cap", "FR", "UA");
    }

    [Theory]
    [InlineData("demilitarisation", true)]
    [InlineData("halt-foreign-aid", true)]
    [InlineData("halt-intelligence", true)]
    [InlineData("halt-mobilisation", true)]
    [InlineData("no-rearmament", true)]
    [InlineData("neutrality", false)]
    [InlineData("no-foreign-troops", false)]
    [InlineData("withdrawal", false)]
    [InlineData("root-causes", false)]
    [InlineData("verification", false)]
    [InlineData("sanctions-relief", false)]
    public void DemandConflicts_DemandKind_ConflictsOnlyForTheArmyWeakeningKinds(string kind, bool conflicts)
    {
        var result = Evaluate("demand-conflicts-with-first-guarantee.yaml", "kind: demilitarisation", "kind: " + kind);

        if (conflicts)
        {
            Holds(result, "demand-conflicts-with-first-guarantee", "d-kind", "RU");
            NextSteps(result, "reject-demand", "d-kind", "FR", "UA");
        }
        else
        {
            DoesNotHold(result, "demand-conflicts-with-first-guarantee", "d-kind");
            NextSteps(result, "reject-demand", "d-kind");
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(599999, true)]
    [InlineData(600000, false)]
    [InlineData(800000, false)]
    public void DemandConflicts_ArmyCap_ConflictsBelow600000(int cap, bool conflicts)
    {
        var result = Evaluate("demand-conflicts-with-first-guarantee.yaml", "value: 599999", $"value: {cap}");

        if (conflicts)
        {
            Holds(result, "demand-conflicts-with-first-guarantee", "d-cap", "RU");
        }
        else
        {
            DoesNotHold(result, "demand-conflicts-with-first-guarantee", "d-cap");
            NextSteps(result, "reject-demand", "d-cap");
        }
    }

    [Theory]
    [InlineData("target: UA", "target: coalition")]
    [InlineData("timing: settlement }", "timing: settlement, status: withdrawn }")]
    [InlineData("id: army-first-guarantee", "id: not-separated-from-nato")]
    [InlineData("value: 599999, ", "")]
    public void DemandConflicts_NotOnUkraineWithdrawnOrNoOneHoldsThePrinciple_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("demand-conflicts-with-first-guarantee.yaml", find, replace);
        if (find == "value: 599999, ")
        {
            DoesNotHold(result, "demand-conflicts-with-first-guarantee", "d-cap");
            return;
        }

        DoesNotHold(result, "demand-conflicts-with-first-guarantee");
        NoNextSteps(result, "reject-demand");
    }

    [Fact]
    public void DemandConflicts_HolderIsNamedInTheParties()
    {
        var result = Evaluate("demand-conflicts-with-first-guarantee.yaml", "{ id: d-kind, holder: RU", "{ id: d-kind, holder: BY");
        Holds(result, "demand-conflicts-with-first-guarantee", "d-kind", "BY");
    }

    // 5. army-cap-consistent / army-cap-contested

    [Theory]
    [InlineData(800000, "army-cap-consistent", "army-cap-contested")]
    [InlineData(1000000, "army-cap-consistent", "army-cap-contested")]
    [InlineData(799999, "army-cap-contested", "army-cap-consistent")]
    [InlineData(600000, "army-cap-contested", "army-cap-consistent")]
    public void ArmyCap_TermAndDemand_ConsistentFrom800000(int cap, string holds, string doesNotHold)
    {
        var result = Evaluate("army-cap.yaml", "value: 800000", $"value: {cap}");

        Holds(result, holds, "plan");
        Holds(result, holds, "d-cap");
        DoesNotHold(result, doesNotHold, "plan");
        DoesNotHold(result, doesNotHold, "d-cap");
    }

    [Fact]
    public void ArmyCap_UsPlanAt600000AndCounterDraftAt800000_ContestedAndConsistent()
    {
        var result = Evaluate("army-cap.yaml");

        Holds(result, "army-cap-contested", "us-plan");
        Holds(result, "army-cap-consistent", "plan");
        Holds(result, "army-cap-consistent", "d-cap");
        DoesNotHold(result, "army-cap-consistent", "us-plan");
        Assert.DoesNotContain(result.NextSteps, s => s.Subject is "plan" or "us-plan" or "d-cap");
    }

    [Fact]
    public void ArmyCap_Severities_InfoWhenConsistentWarningWhenContested()
    {
        var result = Evaluate("army-cap.yaml");
        Assert.Equal(Severity.Info, Holds(result, "army-cap-consistent", "plan").Severity);
        Assert.Equal(Severity.Warning, Holds(result, "army-cap-contested", "us-plan").Severity);
    }

    [Theory]
    [InlineData("kind: army-cap, value: 800000 }", "kind: army-cap }", "plan")]
    [InlineData("kind: army-cap, value: 800000, timing", "kind: army-cap, timing", "d-cap")]
    [InlineData("kind: army-cap, value: 800000 }", "kind: neutrality, value: 800000 }", "plan")]
    [InlineData("kind: army-cap, value: 800000, timing", "kind: neutrality, value: 800000, timing", "d-cap")]
    public void ArmyCap_NoValueOrNotAnArmyCap_NeitherHolds(string find, string replace, string subject)
    {
        var result = Evaluate("army-cap.yaml", find, replace);
        DoesNotHold(result, "army-cap-consistent", subject);
        DoesNotHold(result, "army-cap-contested", subject);
    }

    // 6. credibility-gap

    [Fact]
    public void CredibilityGap_ForceWithoutAPoliticalUsBackstop_EachContributorSeeksOne()
    {
        var result = Evaluate("credibility-gap.yaml");

        Holds(result, "credibility-gap", "reassurance-force");
        NextSteps(result, "seek-us-backstop", "reassurance-force", "FR", "GB");
    }

    [Theory]
    [InlineData("interested", true)]
    [InlineData("planning", true)]
    [InlineData("suspended", true)]
    [InlineData("political", false)]
    [InlineData("declaration-of-intent", false)]
    [InlineData("legally-binding", false)]
    [InlineData("ratified", false)]
    [InlineData("active", false)]
    public void CredibilityGap_UsBackstopLevel_ClosesTheGapFromPolitical(string level, bool gap)
    {
        var result = Evaluate("credibility-gap.yaml", "kind: us-backstop, level: planning", "kind: us-backstop, level: " + level);

        if (gap)
        {
            Holds(result, "credibility-gap", "reassurance-force");
        }
        else
        {
            DoesNotHold(result, "credibility-gap");
            NoNextSteps(result, "seek-us-backstop");
        }
    }

    [Fact]
    public void CredibilityGap_PoliticalBackstopThatIsNotAUsBackstop_DoesNotCloseTheGap()
    {
        var result = Evaluate("credibility-gap.yaml", "kind: us-backstop, level: planning", "kind: article5-like, level: political");
        Holds(result, "credibility-gap", "reassurance-force");
    }

    [Fact]
    public void CredibilityGap_SuspendedContributor_IsNotAskedToSeekABackstop()
    {
        var result = Evaluate("credibility-gap.yaml", "kind: reassurance-force, level: planning", "kind: reassurance-force, level: suspended");

        Holds(result, "credibility-gap", "reassurance-force");
        NextSteps(result, "seek-us-backstop", "reassurance-force", "GB");
    }

    [Theory]
    [InlineData("level: planning, trigger", "level: suspended, trigger", "level: political, trigger", "level: suspended, trigger")]
    [InlineData("kind: reassurance-force, level: planning", "kind: training, level: planning", "kind: reassurance-force, level: political", "kind: air-policing, level: political")]
    public void CredibilityGap_NoForceThatExists_DoesNotHold(params string[] edits)
    {
        var result = Evaluate("credibility-gap.yaml", edits);
        DoesNotHold(result, "credibility-gap");
        NoNextSteps(result, "seek-us-backstop");
    }

    // 7. deployment-planning

    [Fact]
    public void DeploymentPlanning_CeasefireTenPartiesConfirmedBackstop_EachContributorActivatesTheHq()
    {
        var result = Evaluate("deployment-planning.yaml");

        Holds(result, "deployment-planning", "reassurance-force");
        NextSteps(result, "activate-force-hq", "reassurance-force", "DE", "DK", "EE", "FI", "FR", "GB", "LT", "NL", "NO", "SE");
        Assert.Contains("10 countries", result.Conditions.Single(c => c.Id == "deployment-planning").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("party: LT", "party: EE")]
    [InlineData("party: LT, kind: reassurance-force, level: political", "party: LT, kind: reassurance-force, level: planning")]
    [InlineData("party: LT, kind: reassurance-force, level: political", "party: LT, kind: reassurance-force, level: interested")]
    [InlineData("party: LT, kind: reassurance-force, level: political", "party: LT, kind: reassurance-force, level: suspended")]
    [InlineData("party: LT, kind: reassurance-force", "party: LT, kind: training")]
    public void DeploymentPlanning_NineDistinctPoliticalContributors_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("deployment-planning.yaml", find, replace);
        DoesNotHold(result, "deployment-planning");
        NoNextSteps(result, "activate-force-hq");
    }

    [Fact]
    public void DeploymentPlanning_TenthPartyAtPlanningLevelRaisedToPolitical_Holds()
    {
        var result = Evaluate("deployment-planning.yaml",
            "party: LT, kind: reassurance-force, level: political", "party: LT, kind: reassurance-force, level: planning",
            "party: IT, kind: reassurance-force, level: planning", "party: IT, kind: reassurance-force, level: political");

        Holds(result, "deployment-planning", "reassurance-force");
        NextSteps(result, "activate-force-hq", "reassurance-force", "DE", "DK", "EE", "FI", "FR", "GB", "IT", "NL", "NO", "SE");
    }

    [Theory]
    [InlineData("status: in-force }", "status: open }")]
    [InlineData("signatories: [FR, GB, US]", "signatories: [FR, GB]")]
    public void DeploymentPlanning_NoCeasefireInForceOrUsBackstopUnconfirmed_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("deployment-planning.yaml", find, replace);
        DoesNotHold(result, "deployment-planning");
        NoNextSteps(result, "activate-force-hq");
    }

    // 8. contingency-planning-only

    [Theory]
    [InlineData("trigger: on-ceasefire")]
    [InlineData("trigger: on-peace-deal")]
    public void ContingencyPlanningOnly_CommitmentWaitingForACeasefireOrPeace_Holds(string trigger)
    {
        var result = Evaluate("contingency-planning-only.yaml", "trigger: on-ceasefire", trigger);
        Assert.Equal(Severity.Info, Holds(result, "contingency-planning-only", "reassurance-force").Severity);
    }

    [Theory]
    [InlineData("trigger: on-ceasefire", "trigger: immediate")]
    [InlineData("trigger: on-ceasefire", "trigger: on-renewed-attack")]
    [InlineData(", trigger: on-ceasefire", "")]
    [InlineData("level: interested", "level: suspended")]
    [InlineData("status: open", "status: in-force")]
    public void ContingencyPlanningOnly_NoWaitingCommitmentOrACeasefireInForce_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("contingency-planning-only.yaml", find, replace), "contingency-planning-only");
    }

    [Fact]
    public void ContingencyPlanningOnly_AMoratoriumInForce_IsNotACeasefire()
    {
        var result = Evaluate("contingency-planning-only.yaml", "kind: truce, title: Truce, proposedBy: [RU], addressees: [UA], status: open",
            "kind: moratorium, title: Energy pause, proposedBy: [US], addressees: [UA, RU], status: in-force");
        Holds(result, "contingency-planning-only", "reassurance-force");
    }

    // 9. force-protection-risk

    [Fact]
    public void ForceProtectionRisk_OpenRussianDemandOfNoForeignTroops_Holds()
    {
        var result = Evaluate("force-protection-risk.yaml");
        Assert.Equal(Severity.Warning, Holds(result, "force-protection-risk", "reassurance-force", "RU").Severity);
    }

    [Theory]
    [InlineData("timing: settlement }", "timing: settlement, status: withdrawn }")]
    [InlineData("holder: RU", "holder: BY")]
    [InlineData("kind: no-foreign-troops", "kind: neutrality")]
    [InlineData("level: planning", "level: suspended")]
    [InlineData("kind: reassurance-force", "kind: training")]
    public void ForceProtectionRisk_NoRussianRejectionOrNoForce_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("force-protection-risk.yaml", find, replace), "force-protection-risk");
    }

    [Theory]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: accepted")]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: rejected", "proposedBy: [US]", "proposedBy: [RU]")]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: pending", "proposedBy: [US]", "proposedBy: [US, RU]")]
    public void ForceProtectionRisk_NoForeignTroopsTermRussiaAcceptedOrProposed_Holds(params string[] edits)
    {
        Holds(Evaluate("force-protection-risk-term.yaml", edits), "force-protection-risk", "reassurance-force", "RU");
    }

    [Theory]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: pending")]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: conditional")]
    [InlineData("party: RU, stance: accepted", "party: RU, stance: rejected")]
    [InlineData("party: RU, stance: accepted", "party: UA, stance: accepted")]
    [InlineData("kind: no-foreign-troops", "kind: no-nato-membership")]
    [InlineData("level: political", "level: suspended")]
    public void ForceProtectionRisk_TermRussiaNeitherProposedNorAccepted_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("force-protection-risk-term.yaml", find, replace), "force-protection-risk");
    }

    // 18. guarantee-dormant

    [Fact]
    public void GuaranteeDormant_OnCeasefireCommitmentWithoutCeasefire_HoldsForTheCommitmentAndItsParty()
    {
        var result = Evaluate("guarantee-dormant.yaml");
        Assert.Equal(Severity.Info, Holds(result, "guarantee-dormant", "mnf-fr", "FR").Severity);
    }

    [Theory]
    [InlineData("trigger: on-ceasefire", "trigger: on-peace-deal")]
    [InlineData("trigger: on-ceasefire", "trigger: immediate")]
    [InlineData("trigger: on-ceasefire", "trigger: on-renewed-attack")]
    [InlineData("status: open", "status: in-force")]
    public void GuaranteeDormant_OtherTriggerOrACeasefireInForce_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("guarantee-dormant.yaml", find, replace), "guarantee-dormant");
    }

    // 19. pending-ratification

    [Fact]
    public void PendingRatification_LegallyBindingCommitment_HoldsForTheCommitmentAndItsParty()
    {
        Holds(Evaluate("pending-ratification.yaml"), "pending-ratification", "guarantees", "coalition");
    }

    [Theory]
    [InlineData("ratified")]
    [InlineData("active")]
    [InlineData("political")]
    [InlineData("declaration-of-intent")]
    [InlineData("suspended")]
    public void PendingRatification_AnyOtherLevel_DoesNotHold(string level)
    {
        DoesNotHold(Evaluate("pending-ratification.yaml", "level: legally-binding", "level: " + level), "pending-ratification");
    }

    // 20. us-backstop-unconfirmed

    [Fact]
    public void UsBackstopUnconfirmed_UsTookPartWithoutSigning_HoldsForTheDocument()
    {
        Holds(Evaluate("us-backstop-unconfirmed.yaml"), "us-backstop-unconfirmed", "declaration", "US");
    }

    [Fact]
    public void UsBackstopUnconfirmed_UsSignedAfterClausesWereRemoved_Holds()
    {
        var result = Evaluate("us-backstop-unconfirmed.yaml", "signatories: [FR, GB, UA]", "signatories: [FR, GB, UA, US], removedClauses: [US troops as backstop]");
        Holds(result, "us-backstop-unconfirmed", "declaration", "US");
    }

    [Theory]
    [InlineData("signatories: [FR, GB, UA]", "signatories: [FR, GB, UA, US]")]
    [InlineData("signatories: [FR, GB, UA]", "signatories: [FR, GB, UA, US], removedClauses: []")]
    [InlineData("participants: [FR, GB, UA, US]", "participants: [FR, GB, UA]")]
    [InlineData("participants: [FR, GB, UA, US], signatories: [FR, GB, UA]", "participants: [FR, GB, UA], signatories: [US], removedClauses: [a clause]")]
    public void UsBackstopUnconfirmed_UsSignedInFullOrTookNoPart_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("us-backstop-unconfirmed.yaml", find, replace), "us-backstop-unconfirmed");
    }

    // 22. terms-conflict-with-commitments

    [Theory]
    [InlineData("kind: no-foreign-troops")]
    [InlineData("kind: withdrawal")]
    public void TermsConflict_NoForeignTroopsOrWithdrawalWhileAForceIsPlanned_HoldsForTheProposal(string kind)
    {
        var result = Evaluate("terms-conflict-with-commitments.yaml", "kind: no-foreign-troops", kind);
        Assert.Equal(Severity.Warning, Holds(result, "terms-conflict-with-commitments", "memo").Severity);
    }

    [Theory]
    [InlineData("kind: no-foreign-troops", "kind: neutrality")]
    [InlineData("kind: no-foreign-troops", "kind: no-nato-membership")]
    [InlineData("level: political", "level: suspended")]
    [InlineData("kind: reassurance-force", "kind: financing")]
    [InlineData("{ proposal: memo, kind", "{ proposal: missing, kind")]
    public void TermsConflict_OtherTermsNoForceOrNoProposal_DoesNotHold(string find, string replace)
    {
        DoesNotHold(Evaluate("terms-conflict-with-commitments.yaml", find, replace), "terms-conflict-with-commitments");
    }
}
