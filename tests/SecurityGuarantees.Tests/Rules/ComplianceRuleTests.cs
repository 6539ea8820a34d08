using SecurityGuarantees.Facts;
using static SecurityGuarantees.Tests.Rules.RuleAssert;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>The compliance rule set (domain issue §2 items 10 and 11), each firing and at its boundaries.</summary>
public sealed class ComplianceRuleTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static Results.EvaluationResult Evaluate(string fixture, params string[] edits) => DomainScenario.Evaluate(Engine, fixture, edits);

    // 10. ceasefire-breach

    [Fact]
    public void CeasefireBreach_VerifiedRussianViolation_ProposersAttributeAndApplyTheConsequence()
    {
        var result = Evaluate("ceasefire-breach.yaml");

        Assert.Equal(Severity.Critical, Holds(result, "ceasefire-breach", "cf", "RU").Severity);
        NextSteps(result, "attribute-breach", "cf", "FR", "GB");
        NextSteps(result, "apply-consequence", "cf", "FR", "GB");
    }

    [Fact]
    public void CeasefireBreach_VerifiedUkrainianViolation_ProposersAttributeButNoConsequence()
    {
        var result = Evaluate("ceasefire-breach.yaml", "by: RU, against: UA", "by: UA, against: RU");

        Holds(result, "ceasefire-breach", "cf", "UA");
        NextSteps(result, "attribute-breach", "cf", "FR", "GB");
        NoNextSteps(result, "apply-consequence");
    }

    [Fact]
    public void CeasefireBreach_VerifiedViolationsByBothSides_NamesBothAndAppliesTheConsequence()
    {
        var result = Evaluate("ceasefire-breach.yaml", "  Observation:\n",
            "  Observation:\n    - { id: v2, kind: violation, by: UA, against: RU, proposal: cf, verified: true, date: 2025-05-19 }\n");

        Holds(result, "ceasefire-breach", "cf", "RU", "UA");
        NextSteps(result, "apply-consequence", "cf", "FR", "GB");
    }

    [Theory]
    [InlineData("verified: true", "verified: false")]
    [InlineData("verified: true, ", "")]
    [InlineData("kind: violation", "kind: strike")]
    [InlineData("status: in-force", "status: open")]
    [InlineData("status: in-force", "status: expired")]
    [InlineData("start: 2025-05-12", "start: 2025-05-21")]
    [InlineData("proposal: cf, verified", "proposal: elsewhere, verified")]
    public void CeasefireBreach_UnverifiedNotAViolationOrNoCeasefireInForce_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("ceasefire-breach.yaml", find, replace);
        DoesNotHold(result, "ceasefire-breach");
        NoNextSteps(result, "attribute-breach", "apply-consequence");
    }

    [Fact]
    public void CeasefireBreach_CeasefireInForceByAcceptance_CountsAsInForce()
    {
        var result = Evaluate("ceasefire-breach.yaml", "addressees: [RU], start: 2025-05-12, status: in-force",
            "addressees: [RU, UA], mutual: true, start: 2025-05-12 }\n  Position:\n    - { proposal: cf, party: RU, stance: accepted }\n    - { proposal: cf, party: UA, stance: accepted");

        Holds(result, "ceasefire-in-force", "cf");
        Holds(result, "ceasefire-breach", "cf", "RU");
    }

    // 11. disputed-compliance

    [Fact]
    public void DisputedCompliance_UnverifiedClaimsByBothSidesNoMonitoring_ProposersEstablishMonitoring()
    {
        var result = Evaluate("disputed-compliance.yaml");

        Assert.Equal(Severity.Warning, Holds(result, "disputed-compliance", "truce", "RU", "UA").Severity);
        NextSteps(result, "establish-monitoring", "truce", "RU");
        DoesNotHold(result, "disputed-compliance", "other");
    }

    [Theory]
    [InlineData("{ id: claim-ru, kind: violation, by: UA", "{ id: claim-ru, kind: violation, by: RU")]
    [InlineData("proposal: truce, date: 2025-04-20 }\n    - { id: claim-ru", "proposal: truce, verified: true, date: 2025-04-20 }\n    - { id: claim-ru")]
    [InlineData("by: UA, against: RU, proposal: truce", "by: UA, against: RU, proposal: other")]
    [InlineData("by: UA, against: RU, proposal: truce", "by: UA, against: RU")]
    [InlineData("{ id: claim-ru, kind: violation", "{ id: claim-ru, kind: statement")]
    [InlineData("{ proposal: other, kind: monitoring }", "{ proposal: truce, kind: monitoring }")]
    [InlineData("kind: training, level: political", "kind: monitoring, level: political")]
    [InlineData("kind: training, level: political", "kind: monitoring, level: interested")]
    public void DisputedCompliance_OneSideVerifiedOtherProposalOrMonitored_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("disputed-compliance.yaml", find, replace);
        DoesNotHold(result, "disputed-compliance", "truce");
        NoNextSteps(result, "establish-monitoring");
    }

    [Theory]
    [InlineData("kind: training, level: political", "kind: monitoring, level: suspended")]
    [InlineData("{ proposal: other, kind: monitoring }", "{ proposal: other, kind: neutrality }")]
    [InlineData("proposedBy: [RU], addressees: [UA] }", "proposedBy: [RU], addressees: [UA], status: in-force }")]
    public void DisputedCompliance_SuspendedMonitorsMonitoringElsewhereOrATruceInForce_StillHolds(string find, string replace)
    {
        var result = Evaluate("disputed-compliance.yaml", find, replace);
        Holds(result, "disputed-compliance", "truce", "RU", "UA");
        NextSteps(result, "establish-monitoring", "truce", "RU");
    }
}
