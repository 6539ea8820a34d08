using SecurityGuarantees.Facts;
using static SecurityGuarantees.Tests.Rules.RuleAssert;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>The negotiation rule set (domain issue §2 items 15, 16, 17 and 21), each firing and at its boundaries.</summary>
public sealed class NegotiationRuleTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static Results.EvaluationResult Evaluate(string fixture, params string[] edits) => DomainScenario.Evaluate(Engine, fixture, edits);

    // 15. ultimatum-lapsed

    [Fact]
    public void UltimatumLapsed_DeadlinePassedRussiaIgnored_ProposersApplyTheConsequence()
    {
        var result = Evaluate("ultimatum-lapsed.yaml");

        var condition = Holds(result, "ultimatum-lapsed", "kyiv", "RU");
        Assert.Equal(Severity.Critical, condition.Severity);
        Assert.Contains("new sanctions", condition.Text, StringComparison.Ordinal);
        NextSteps(result, "apply-consequence", "kyiv", "DE", "FR", "UA");
    }

    [Fact]
    public void UltimatumLapsed_TwoAddresseesWithoutAYes_NamesBoth()
    {
        var result = Evaluate("ultimatum-lapsed.yaml", "party: BY, stance: accepted", "party: BY, stance: conditional");
        Holds(result, "ultimatum-lapsed", "kyiv", "BY", "RU");
    }

    [Theory]
    [InlineData("deadline: 2025-05-11", "deadline: 2025-05-12")]
    [InlineData("deadline: 2025-05-11", "deadline: 2025-05-13")]
    [InlineData("deadline: 2025-05-11, ", "")]
    [InlineData(", consequenceIfRefused: new sanctions", "")]
    [InlineData("party: RU, stance: ignored", "party: RU, stance: accepted")]
    [InlineData("addressees: [RU, BY]", "addressees: [BY]")]
    public void UltimatumLapsed_DeadlineNotPassedNoConsequenceOrEveryAddresseeAccepted_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("ultimatum-lapsed.yaml", find, replace);
        DoesNotHold(result, "ultimatum-lapsed");
        NoNextSteps(result, "apply-consequence");
    }

    [Theory]
    [InlineData("party: RU, stance: ignored", "party: RU, stance: rejected")]
    [InlineData("party: RU, stance: ignored", "party: RU, stance: conditional")]
    [InlineData("    - { proposal: kyiv, party: RU, stance: ignored }\n", "")]
    [InlineData("deadline: 2025-05-11", "deadline: 2025-01-01")]
    public void UltimatumLapsed_RussiaWithoutAYes_Holds(string find, string replace)
    {
        Holds(Evaluate("ultimatum-lapsed.yaml", find, replace), "ultimatum-lapsed", "kyiv", "RU");
    }

    // 16. negotiation-under-fire

    [Fact]
    public void NegotiationUnderFire_TalksAheadWithoutCeasefire_EachParticipantTakesHumanitarianMeasures()
    {
        var result = Evaluate("negotiation-under-fire.yaml");

        Assert.Equal(Severity.Warning, Holds(result, "negotiation-under-fire", "istanbul").Severity);
        NextSteps(result, "humanitarian-measures", "istanbul", "RU", "TR", "UA");
    }

    [Fact]
    public void NegotiationUnderFire_TalksOnTheDay_Holds()
    {
        Holds(Evaluate("negotiation-under-fire.yaml", "date: 2025-05-16", "date: 2025-05-15"), "negotiation-under-fire", "istanbul");
    }

    [Theory]
    [InlineData("date: 2025-05-16", "date: 2025-05-14")]
    [InlineData("format: talks", "format: summit")]
    [InlineData("format: talks", "format: bilateral")]
    [InlineData("status: open", "status: in-force")]
    public void NegotiationUnderFire_PastTalksOtherMeetingsOrACeasefireInForce_DoesNotHold(string find, string replace)
    {
        var result = Evaluate("negotiation-under-fire.yaml", find, replace);
        DoesNotHold(result, "negotiation-under-fire");
        NoNextSteps(result, "humanitarian-measures");
    }

    // 17. sequencing-divergence

    [Fact]
    public void SequencingDivergence_PeaceFirstAgainstCeasefireFirst_NamesTheHoldersOfBoth()
    {
        var result = Evaluate("sequencing-divergence.yaml");
        Assert.Equal(Severity.Warning, Holds(result, "sequencing-divergence", "sequencing", "RU", "UA", "US").Severity);
    }

    [Theory]
    [InlineData("id: peace-first, holder: RU", "id: no-foreign-troops, holder: RU")]
    [InlineData("id: ceasefire-first", "id: ukraine-at-table")]
    [InlineData("{ id: ceasefire-first, holder: UA }", "{ id: ceasefire-first, holder: RU }", "    - { id: ceasefire-first, holder: US }\n", "")]
    public void SequencingDivergence_OneSideMissingOrBothHeldByOneParty_DoesNotHold(params string[] edits)
    {
        DoesNotHold(Evaluate("sequencing-divergence.yaml", edits), "sequencing-divergence");
    }

    [Fact]
    public void SequencingDivergence_OnePartyHoldingBoth_IsNamedAgainstTheOther()
    {
        var result = Evaluate("sequencing-divergence.yaml", "{ id: ceasefire-first, holder: US }", "{ id: ceasefire-first, holder: RU }");
        Holds(result, "sequencing-divergence", "sequencing", "RU", "UA");
    }

    // 21. ukraine-not-at-table

    [Fact]
    public void UkraineNotAtTable_PlanDraftedWithoutUkraineAndMeetingWithoutUkraine_EachDrafterOrParticipantConsultsKyiv()
    {
        var result = Evaluate("ukraine-not-at-table.yaml");

        Holds(result, "ukraine-not-at-table", "plan", "UA");
        Holds(result, "ukraine-not-at-table", "alaska", "UA");
        NextSteps(result, "consult-kyiv", "plan", "RU", "US");
        NextSteps(result, "consult-kyiv", "alaska", "RU", "US");
    }

    [Fact]
    public void UkraineNotAtTable_DraftersAndParticipantsDiffer_EachGetsTheirOwnSubject()
    {
        var result = Evaluate("ukraine-not-at-table.yaml", "drafters: [US, RU]", "drafters: [US, RU, HU]", "participants: [US, RU]", "participants: [US, RU, BY]");

        NextSteps(result, "consult-kyiv", "plan", "HU", "RU", "US");
        NextSteps(result, "consult-kyiv", "alaska", "BY", "RU", "US");
    }

    [Theory]
    [InlineData("drafters: [US, RU]", "drafters: [US, RU, UA]")]
    [InlineData("drafters: [US, RU]", "drafters: []")]
    [InlineData("drafters: [US, RU], ", "")]
    [InlineData("addressees: [UA, RU]", "addressees: [RU]")]
    public void UkraineNotAtTable_UkraineDraftedOrIsNotAskedOrNoDraftersNamed_DoesNotHoldForThePlan(string find, string replace)
    {
        var result = Evaluate("ukraine-not-at-table.yaml", find, replace);
        DoesNotHold(result, "ukraine-not-at-table", "plan");
        NextSteps(result, "consult-kyiv", "plan");
        Holds(result, "ukraine-not-at-table", "alaska", "UA");
    }

    [Theory]
    [InlineData("participants: [US, RU]", "participants: [US, RU, UA]")]
    [InlineData("date: 2025-08-15", "date: 2025-08-19")]
    [InlineData("topic: ukraine-security", "topic: black-sea")]
    [InlineData(", topic: ukraine-security", "")]
    public void UkraineNotAtTable_UkrainePresentLaterOrAnotherTopic_DoesNotHoldForTheMeeting(string find, string replace)
    {
        var result = Evaluate("ukraine-not-at-table.yaml", find, replace);
        DoesNotHold(result, "ukraine-not-at-table", "alaska");
        NextSteps(result, "consult-kyiv", "alaska");
        Holds(result, "ukraine-not-at-table", "plan", "UA");
    }

    [Fact]
    public void UkraineNotAtTable_MeetingOnTheDay_Holds()
    {
        Holds(Evaluate("ukraine-not-at-table.yaml", "date: 2025-08-15", "date: 2025-08-18"), "ukraine-not-at-table", "alaska", "UA");
    }
}
