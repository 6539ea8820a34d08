using SecurityGuarantees.Expectations;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Testing;

/// <summary>The result of one <see cref="ScenarioTestCase"/>.</summary>
/// <param name="TestCase">The test.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Result">
/// What held: the scenario's evaluation, or the state after the timeline step; <see langword="null"/> when the
/// evaluation failed.
/// </param>
/// <param name="Failures">The expectations that do not hold, in the order they are written; empty unless <see cref="ScenarioTestOutcome.Failed"/>.</param>
/// <param name="Error">The evaluation error (<c>SG0501: ...</c>) for <see cref="ScenarioTestOutcome.Error"/>, else <see langword="null"/>.</param>
public sealed record ScenarioTestResult(ScenarioTestCase TestCase, ScenarioTestOutcome Outcome, EvaluationResult? Result,
    IReadOnlyList<ExpectationFailure> Failures, string? Error = null)
{
    /// <summary>Whether the test counts as passed (<see cref="ScenarioTestOutcome.Passed"/> or <see cref="ScenarioTestOutcome.NoExpectations"/>).</summary>
    public bool IsSuccess => Outcome is ScenarioTestOutcome.Passed or ScenarioTestOutcome.NoExpectations;

    /// <summary>
    /// Why the test failed, for people: every failure compiler-style (<c>file:line:column: expected ... actual ...</c>),
    /// or the evaluation error; empty when it passed.
    /// </summary>
    public string Describe() => Outcome switch
    {
        ScenarioTestOutcome.Failed => ExpectationChecker.Format(Failures),
        ScenarioTestOutcome.Error => $"{TestCase.File}: error {Error}",
        _ => "",
    };
}
