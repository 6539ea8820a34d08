using SecurityGuarantees.Testing;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Results;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>
/// Loads a small scenario of <c>Fixtures/domain/</c>, optionally edited (pairs of find, replace: every occurrence is
/// replaced, and the text to find must be there), and evaluates it.
/// </summary>
internal static class DomainScenario
{
    public static string Text(string fixture, params string[] edits)
    {
        var yaml = File.ReadAllText(TestPaths.Fixture("domain/" + fixture));
        Assert.True(edits.Length % 2 == 0, "edits come in pairs: find, replace");
        for (var i = 0; i < edits.Length; i += 2)
        {
            Assert.True(yaml.Contains(edits[i], StringComparison.Ordinal), $"the fixture {fixture} has no '{edits[i]}' to replace");
            yaml = yaml.Replace(edits[i], edits[i + 1], StringComparison.Ordinal);
        }

        return yaml;
    }

    public static EvaluationResult Evaluate(ScenarioEngine engine, string fixture, params string[] edits) =>
        engine.Evaluate(engine.ParseScenario(fixture, Text(fixture, edits)));
}

/// <summary>
/// Rule-test assertions on top of the public ones (<see cref="SecurityGuarantees.Testing.ScenarioAssertions"/>), whose
/// failure messages list what does hold and why; these add the exact-set checks the per-rule tests need.
/// </summary>
internal static class RuleAssert
{
    /// <summary>The condition holds for this subject with exactly these parties.</summary>
    public static ConditionResult Holds(EvaluationResult result, string id, string subject, params string[] parties) =>
        result.ShouldHold(id, subject, parties);

    /// <summary>The condition does not hold (for this subject, or for any when none is given).</summary>
    public static void DoesNotHold(EvaluationResult result, string id, string? subject = null) =>
        result.ShouldNotHold(id, subject);

    /// <summary>The next step follows for this subject with exactly these actors.</summary>
    public static void NextSteps(EvaluationResult result, string id, string subject, params string[] actors)
    {
        foreach (var actor in actors)
        {
            result.ShouldRecommend(id, actor, subject);
        }

        var others = result.NextSteps.Where(s => s.Id == id && s.Subject == subject && !actors.Contains(s.Actor)).Select(s => s.Actor).ToList();
        Assert.True(others.Count == 0, $"expected {id} ({subject}) only for [{string.Join(", ", actors.Order(StringComparer.Ordinal))}], also for [{string.Join(", ", others)}]");
    }

    /// <summary>None of these next steps follows, for any actor or subject.</summary>
    public static void NoNextSteps(EvaluationResult result, params string[] ids)
    {
        foreach (var id in ids)
        {
            result.ShouldNotRecommend(id);
        }
    }

    /// <summary>The rules that justify a conclusion.</summary>
    public static void DerivedBy(ConditionResult condition, params string[] rules) =>
        Assert.Equal(rules.Order(StringComparer.Ordinal), condition.Justifications.Select(j => j.Rule).Distinct().Order(StringComparer.Ordinal));
}
