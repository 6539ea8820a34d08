using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Expectations;

/// <summary>What kind of expectation failed.</summary>
public enum ExpectationFailureKind
{
    /// <summary>An expected condition does not hold.</summary>
    ConditionMissing,

    /// <summary>An expected next step does not follow.</summary>
    NextStepMissing,

    /// <summary>A condition listed under <c>absent</c> holds.</summary>
    ConditionPresent,

    /// <summary>A next step listed under <c>absent</c> follows.</summary>
    NextStepPresent,

    /// <summary>With <c>only: true</c>, a condition holds that no expected item matches.</summary>
    UnexpectedCondition,

    /// <summary>With <c>only: true</c>, a next step follows that no expected item matches.</summary>
    UnexpectedNextStep,
}

/// <summary>One expectation that did not hold, with where it is written and a message for the author.</summary>
/// <param name="Kind">What failed.</param>
/// <param name="Location">The expectation item (or the <c>only:</c> key, for <c>only: true</c>).</param>
/// <param name="Expected">The expectation, as written (<c>ceasefire-pending (subject: jeddah)</c>).</param>
/// <param name="Message">Expected vs actual, and what did hold with the rules behind it; several lines.</param>
public sealed record ExpectationFailure(ExpectationFailureKind Kind, SourceLocation Location, string Expected, string Message)
{
    /// <summary>Compiler-style: <c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
