using System.Globalization;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Testing;

/// <summary>
/// Assertions over evaluation results for tests in any framework: each throws a
/// <see cref="ScenarioAssertionException"/> whose message shows what was expected, what held instead and the rules
/// behind it. Items match by the fields given: an id alone matches any subject, parties compare as a set.
/// </summary>
/// <example><code>
/// var result = engine.Evaluate(engine.LoadScenario("examples/scenarios/2025-03-12-paris-e5.yaml"));
/// result.ShouldHold("ceasefire-pending", subject: "jeddah-ceasefire", parties: ["RU"]);
/// result.ShouldRecommend("respond-to-ceasefire", actor: "RU");
/// result.ShouldNotHold("ceasefire-in-force");
/// </code></example>
public static class ScenarioAssertions
{
    private static readonly SourceLocation Here = new("assertion", 0, 0);

    /// <summary>Asserts that a condition holds.</summary>
    /// <param name="result">The evaluation result.</param>
    /// <param name="conditionId">The condition id.</param>
    /// <param name="subject">The subject it must have, or <see langword="null"/> for any.</param>
    /// <param name="parties">The parties it must have (as a set), or <see langword="null"/> for any.</param>
    /// <returns>The first matching condition (conditions are sorted by id, then subject).</returns>
    /// <exception cref="ScenarioAssertionException">No condition matches.</exception>
    public static ConditionResult ShouldHold(this EvaluationResult result, string conditionId, string? subject = null, IEnumerable<string>? parties = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(conditionId);
        var expected = new ConditionExpectation(conditionId, subject, parties?.ToList(), Here);
        Throw(result, new ExpectationSet(Here, [expected], [], [], [], false));
        return result.Conditions.First(c => expected.Matches(c.Id, c.Subject, c.Parties));
    }

    /// <summary>Asserts that no matching condition holds.</summary>
    /// <param name="result">The evaluation result.</param>
    /// <param name="conditionId">The condition id.</param>
    /// <param name="subject">Only a condition with this subject is excluded, or <see langword="null"/> for any subject.</param>
    /// <param name="parties">Only a condition with these parties is excluded, or <see langword="null"/> for any.</param>
    /// <returns>The result, for chaining.</returns>
    /// <exception cref="ScenarioAssertionException">A matching condition holds.</exception>
    public static EvaluationResult ShouldNotHold(this EvaluationResult result, string conditionId, string? subject = null, IEnumerable<string>? parties = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(conditionId);
        Throw(result, new ExpectationSet(Here, [], [], [new ConditionExpectation(conditionId, subject, parties?.ToList(), Here)], [], false));
        return result;
    }

    /// <summary>Asserts that a next step follows.</summary>
    /// <param name="result">The evaluation result.</param>
    /// <param name="nextStepId">The next-step id.</param>
    /// <param name="actor">The actor it must have, or <see langword="null"/> for any.</param>
    /// <param name="subject">The subject it must have, or <see langword="null"/> for any.</param>
    /// <returns>The first matching next step (next steps are sorted by actor, id, subject).</returns>
    /// <exception cref="ScenarioAssertionException">No next step matches.</exception>
    public static NextStepResult ShouldRecommend(this EvaluationResult result, string nextStepId, string? actor = null, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(nextStepId);
        var expected = new NextStepExpectation(nextStepId, actor, subject, Here);
        Throw(result, new ExpectationSet(Here, [], [expected], [], [], false));
        return result.NextSteps.First(s => expected.Matches(s.Id, s.Actor, s.Subject));
    }

    /// <summary>Asserts that no matching next step follows.</summary>
    /// <param name="result">The evaluation result.</param>
    /// <param name="nextStepId">The next-step id.</param>
    /// <param name="actor">Only a next step for this actor is excluded, or <see langword="null"/> for any actor.</param>
    /// <param name="subject">Only a next step with this subject is excluded, or <see langword="null"/> for any.</param>
    /// <returns>The result, for chaining.</returns>
    /// <exception cref="ScenarioAssertionException">A matching next step follows.</exception>
    public static EvaluationResult ShouldNotRecommend(this EvaluationResult result, string nextStepId, string? actor = null, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(nextStepId);
        Throw(result, new ExpectationSet(Here, [], [], [], [new NextStepExpectation(nextStepId, actor, subject, Here)], false));
        return result;
    }

    /// <summary>Asserts that the result meets the <c>expect:</c> block of the scenario it was evaluated from.</summary>
    /// <param name="result">The evaluation result.</param>
    /// <param name="scenario">The scenario, loaded from a file or text.</param>
    /// <returns>The result, for chaining.</returns>
    /// <exception cref="ScenarioAssertionException">The scenario has no <c>expect:</c>, or some expectation does not hold (all are listed).</exception>
    /// <exception cref="RuleLoadException">The <c>expect:</c> block has errors.</exception>
    public static EvaluationResult ShouldMeetExpectations(this EvaluationResult result, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        var expectations = ExpectationSet.FromScenario(scenario)
            ?? throw new ScenarioAssertionException($"scenario {scenario.Id} has no expect: block; add one to say what must hold", []);
        return result.ShouldMeetExpectations(expectations);
    }

    /// <summary>Asserts that the result meets a set of expectations.</summary>
    /// <param name="result">The evaluation result.</param>
    /// <param name="expectations">The expectations.</param>
    /// <returns>The result, for chaining.</returns>
    /// <exception cref="ScenarioAssertionException">Some expectation does not hold; all are listed, compiler-style.</exception>
    public static EvaluationResult ShouldMeetExpectations(this EvaluationResult result, ExpectationSet expectations)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expectations);
        var failures = ExpectationChecker.Check(result, expectations);
        if (failures.Count > 0)
        {
            throw new ScenarioAssertionException(
                $"{Header(result)}: {failures.Count} expectation(s) failed\n{ExpectationChecker.Format(failures)}", failures);
        }

        return result;
    }

    /// <summary>Asserts that a scenario test passed (or has no expectations).</summary>
    /// <param name="testResult">The test result, from <see cref="ScenarioTestRunner"/>.</param>
    /// <returns>The test result, for chaining.</returns>
    /// <exception cref="ScenarioAssertionException">The test failed; the message lists every failure or the evaluation error.</exception>
    public static ScenarioTestResult ShouldPass(this ScenarioTestResult testResult)
    {
        ArgumentNullException.ThrowIfNull(testResult);
        if (!testResult.IsSuccess)
        {
            var what = testResult.Outcome == ScenarioTestOutcome.Error ? "evaluation failed" : $"{testResult.Failures.Count} expectation(s) failed";
            throw new ScenarioAssertionException($"{testResult.TestCase.Name}: {what}\n{testResult.Describe()}", testResult.Failures);
        }

        return testResult;
    }

    private static void Throw(EvaluationResult result, ExpectationSet expectations)
    {
        var failures = ExpectationChecker.Check(result, expectations);
        if (failures.Count > 0)
        {
            throw new ScenarioAssertionException($"{Header(result)}: {string.Join("\n", failures.Select(f => f.Message))}", failures);
        }
    }

    private static string Header(EvaluationResult result) =>
        $"scenario {result.Scenario} (as of {result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
}
