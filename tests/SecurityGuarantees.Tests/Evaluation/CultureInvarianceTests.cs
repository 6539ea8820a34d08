using System.Globalization;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

public sealed class CultureInvarianceTests
{
    [Fact]
    public void UnderTurkishCulture_LoadingEvaluationAndJsonAreUnchanged()
    {
        var engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml", "rules/constructs.yaml");
        var scenario = TestPaths.Fixture("scenarios/constructs.yaml");
        var invariant = JsonReportWriter.ToJson(engine.Evaluate(engine.LoadScenario(scenario)));

        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            var turkishEngine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml", "rules/constructs.yaml");
            var turkish = JsonReportWriter.ToJson(turkishEngine.Evaluate(turkishEngine.LoadScenario(scenario)));
            Assert.Equal(invariant, turkish);

            var decimals = turkishEngine.ParseScenario("d.yaml", "scenario: d\nfacts:\n  Proposal:\n    - { id: IDLIB, durationDays: 1.5 }\n");
            Assert.Equal(1.5m, ((SecurityGuarantees.Domain.Proposal)decimals.Facts[0]).DurationDays);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    private const string MixedCaseRules = """
        version: 1
        ruleset: r
        rules:
          - id: listed
            when:
              - fact: Proposal
                as: p
            then:
              - condition: listed
                subject: "{p.id}"
              - nextStep: answer
                actor: "{p.title}"
                subject: "{p.id}"
        """;

    private static readonly string[] MixedCaseIds = ["alpha", "Zeta", "beta", "Beta", "b-c", "bc"];

    private static string MixedCaseScenario(string id) =>
        $"scenario: {id}\nasOf: 2025-03-12\nfacts:\n  Proposal:\n"
        + string.Concat(MixedCaseIds.Select(i => $"    - {{ id: {i}, kind: ceasefire, title: {i.ToUpperInvariant()[0]}{i[1..]} }}\n"));

    [Theory]
    [InlineData("")]
    [InlineData("tr-TR")]
    [InlineData("sv-SE")]
    public void Results_AreSortedOrdinally_WhateverTheCulture(string culture)
    {
        // Ordinal: upper case before lower case, '-' before letters; a culture's order would differ on every one of these.
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", MixedCaseRules).Build();
            var result = engine.Evaluate(engine.ParseScenario("s.yaml", MixedCaseScenario("s")));
            Assert.Equal(MixedCaseIds.Order(StringComparer.Ordinal), result.Conditions.Select(c => c.Subject));
            Assert.Equal(
                result.NextSteps.OrderBy(n => n.Actor, StringComparer.Ordinal).ThenBy(n => n.Subject, StringComparer.Ordinal).Select(n => n.Subject),
                result.NextSteps.Select(n => n.Subject));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Fact]
    public void TimelineSteps_ReportAddedAndRemovedExactly_WithMixedCaseKeys()
    {
        // The step comparison walks two ordinally sorted lists: results kept in another order would mis-pair them.
        var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", MixedCaseRules).Build();
        var yaml = MixedCaseScenario("t") + """
            timeline:
              - on: 2025-03-13
                retract:
                  Proposal:
                    - { id: alpha }
                    - { id: Beta }
                insert:
                  Proposal:
                    - { id: Alpha, kind: ceasefire, title: Alpha }
                    - { id: c, kind: ceasefire, title: C }
            """;
        var step = Assert.Single(engine.RunTimeline(engine.ParseTimeline("t.yaml", yaml)).Steps);
        Assert.Equal(["Alpha", "c"], step.Added.Conditions.Select(c => c.Subject));
        Assert.Equal(["Beta", "alpha"], step.Removed.Conditions.Select(c => c.Subject));
        Assert.Empty(step.Changed.Conditions);
    }
}
