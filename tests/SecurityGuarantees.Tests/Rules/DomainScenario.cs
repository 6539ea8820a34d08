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

/// <summary>Assertions on conditions and next steps, with failure messages that list what does hold and why.</summary>
internal static class RuleAssert
{
    /// <summary>The condition holds for this subject with exactly these parties.</summary>
    public static ConditionResult Holds(EvaluationResult result, string id, string subject, params string[] parties)
    {
        var condition = result.Conditions.SingleOrDefault(c => c.Id == id && c.Subject == subject);
        Assert.True(condition is not null, $"expected {id} ({subject}) to hold\n{Holding(result)}");
        Assert.Equal(parties.Order(StringComparer.Ordinal), condition.Parties);
        return condition;
    }

    /// <summary>The condition does not hold (for this subject, or for any when none is given).</summary>
    public static void DoesNotHold(EvaluationResult result, string id, string? subject = null)
    {
        var holding = result.Conditions.Where(c => c.Id == id && (subject is null || c.Subject == subject)).ToList();
        Assert.True(holding.Count == 0, $"expected {id} ({subject ?? "any subject"}) not to hold\n{Holding(result)}");
    }

    /// <summary>The next step follows for this subject with exactly these actors.</summary>
    public static void NextSteps(EvaluationResult result, string id, string subject, params string[] actors)
    {
        var found = result.NextSteps.Where(s => s.Id == id && s.Subject == subject).Select(s => s.Actor).Order(StringComparer.Ordinal).ToList();
        Assert.True(actors.Order(StringComparer.Ordinal).SequenceEqual(found),
            $"expected {id} ({subject}) for [{string.Join(", ", actors.Order(StringComparer.Ordinal))}], got [{string.Join(", ", found)}]\n{Holding(result)}");
    }

    /// <summary>None of these next steps follows, for any actor or subject.</summary>
    public static void NoNextSteps(EvaluationResult result, params string[] ids)
    {
        var following = result.NextSteps.Where(s => ids.Contains(s.Id)).ToList();
        Assert.True(following.Count == 0, $"expected none of [{string.Join(", ", ids)}]\n{Holding(result)}");
    }

    /// <summary>The rules that justify a conclusion.</summary>
    public static void DerivedBy(ConditionResult condition, params string[] rules) =>
        Assert.Equal(rules.Order(StringComparer.Ordinal), condition.Justifications.Select(j => j.Rule).Distinct().Order(StringComparer.Ordinal));

    private static string Holding(EvaluationResult result) =>
        "conditions that hold:\n" + string.Join("\n", result.Conditions.Select(c => "  " + ExpectationChecker.Describe(c)))
        + "\nnext steps that follow:\n" + string.Join("\n", result.NextSteps.Select(s => "  " + ExpectationChecker.Describe(s)));
}
