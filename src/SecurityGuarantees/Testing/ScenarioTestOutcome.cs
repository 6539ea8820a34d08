namespace SecurityGuarantees.Testing;

/// <summary>How a <see cref="ScenarioTestCase"/> ended.</summary>
public enum ScenarioTestOutcome
{
    /// <summary>Every expectation holds.</summary>
    Passed,

    /// <summary>At least one expectation does not hold.</summary>
    Failed,

    /// <summary>The scenario evaluated, but it has no <c>expect:</c> (or an empty one): counted as passed.</summary>
    NoExpectations,

    /// <summary>The evaluation failed (firing limit, a rule faulted): counted as failed.</summary>
    Error,
}
