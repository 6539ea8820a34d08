using SecurityGuarantees.Expectations;

namespace SecurityGuarantees.Testing;

/// <summary>
/// Thrown by the <see cref="ScenarioAssertions"/> when a result does not show what a test expects. Any test framework
/// reports it as a failure; the message says what was expected, what held instead and which rules it came from.
/// </summary>
public sealed class ScenarioAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Expected vs actual, with the reasons; several lines.</param>
    /// <param name="failures">The expectations that do not hold (may be empty, e.g. for an evaluation error).</param>
    public ScenarioAssertionException(string message, IReadOnlyList<ExpectationFailure> failures)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(failures);
        Failures = failures;
    }

    /// <summary>The expectations that do not hold.</summary>
    public IReadOnlyList<ExpectationFailure> Failures { get; }
}
