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
}
