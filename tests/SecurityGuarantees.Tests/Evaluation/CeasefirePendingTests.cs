using SecurityGuarantees.Facts;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Evaluation;

public sealed class CeasefirePendingTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml");

    [Fact]
    public void Evaluate_UkraineAcceptedRussiaPending_DerivesConditionAndNextStepWithReasons()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml")));

        var condition = Assert.Single(result.Conditions);
        Assert.Equal("ceasefire-pending", condition.Id);
        Assert.Equal("ceasefire-30d", condition.Subject);
        Assert.Equal(["RU"], condition.Parties);
        Assert.Equal(Severity.Warning, condition.Severity);
        Assert.Equal("US-backed 30-day ceasefire accepted by Ukraine; Russia has not answered", condition.Text);
        var justification = Assert.Single(condition.Justifications);
        Assert.Equal("ceasefire-pending", justification.Rule);
        Assert.Equal(["Proposal:ceasefire-30d", "Position:ceasefire-30d/UA"], justification.Because.Select(b => $"{b.Type}:{b.Key}"));

        var step = Assert.Single(result.NextSteps);
        Assert.Equal(("respond-to-ceasefire", "RU", "ceasefire-30d"), (step.Id, step.Actor, step.Subject));
        Assert.Equal(new DateOnly(2025, 3, 12), result.AsOf);
    }

    [Fact]
    public void Evaluate_RussiaAccepts_NothingPending()
    {
        var yaml = File.ReadAllText(TestPaths.Fixture("scenarios/jeddah.yaml")).Replace("party: RU, stance: pending", "party: RU, stance: accepted");
        var result = Engine.Evaluate(Engine.ParseScenario("accepted.yaml", yaml));
        Assert.Empty(result.Conditions);
        Assert.Empty(result.NextSteps);
    }

    [Fact]
    public void Json_MatchesTheDocumentedShapeAndOrder()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml")));
        var json = JsonReportWriter.ToJson(result);
        Assert.Equal(
            """{"scenario":"jeddah-test","asOf":"2025-03-12","conditions":[{"id":"ceasefire-pending","subject":"ceasefire-30d","parties":["RU"],"severity":"warning","text":"US-backed 30-day ceasefire accepted by Ukraine; Russia has not answered","justifications":[{"rule":"ceasefire-pending","because":[{"type":"Proposal","key":"ceasefire-30d"},{"type":"Position","key":"ceasefire-30d/UA"}]}]}],"nextSteps":[{"id":"respond-to-ceasefire","actor":"RU","subject":"ceasefire-30d","priority":0,"text":"Accept the ceasefire, start negotiations, end the war","justifications":[{"rule":"ceasefire-pending","because":[{"type":"Proposal","key":"ceasefire-30d"},{"type":"Position","key":"ceasefire-30d/UA"}]}]}]}""",
            json);
    }

    [Fact]
    public void Evaluate_TwiceAndOnAnotherEngine_GivesByteIdenticalJson()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml"));
        var first = JsonReportWriter.ToJson(Engine.Evaluate(scenario));
        var second = JsonReportWriter.ToJson(Engine.Evaluate(scenario));
        var other = TestEngines.FromFixtures("rules/ceasefire-pending.yaml");
        var third = JsonReportWriter.ToJson(other.Evaluate(other.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml"))));
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public void Load_PartyIdNo_StaysTheStringNo()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml"));
        Assert.Contains(scenario.Facts.OfType<SecurityGuarantees.Domain.Party>(), p => p.Id == "NO" && p.Name == "Norway");
    }

    [Fact]
    public void Evaluate_AsOfOption_OverridesScenarioDate()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml")), new EvaluationOptions { AsOf = new DateOnly(2025, 4, 1) });
        Assert.Equal(new DateOnly(2025, 4, 1), result.AsOf);
    }

    [Fact]
    public async Task Evaluate_InParallelOnOneEngine_GivesTheSameResults()
    {
        var scenario = Engine.LoadScenario(TestPaths.Fixture("scenarios/jeddah.yaml"));
        var expected = JsonReportWriter.ToJson(Engine.Evaluate(scenario));
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => JsonReportWriter.ToJson(Engine.Evaluate(scenario)))));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
