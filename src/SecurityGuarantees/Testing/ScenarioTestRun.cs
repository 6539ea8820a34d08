using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Testing;

/// <summary>
/// The results of testing scenario files (<see cref="ScenarioTestRunner.Run(IEnumerable{string}, CancellationToken)"/>):
/// one result per test in file order, the load diagnostics of files that could not be tested, and the coverage.
/// </summary>
/// <param name="Results">One result per test: per file (sorted by path) the scenario, then its timeline steps with <c>expect:</c>.</param>
/// <param name="Diagnostics">Load diagnostics of every file, sorted; a file with an error has no results.</param>
/// <param name="Coverage">Rules no scenario fired and conditions no scenario expects.</param>
public sealed record ScenarioTestRun(IReadOnlyList<ScenarioTestResult> Results, IReadOnlyList<Diagnostic> Diagnostics, ScenarioCoverage Coverage)
{
    /// <summary>Tests that passed, those without expectations included.</summary>
    public int Passed => Results.Count(r => r.IsSuccess);

    /// <summary>Tests that failed, evaluation errors included.</summary>
    public int Failed => Results.Count(r => !r.IsSuccess);

    /// <summary>Tests that passed only because they have no expectations.</summary>
    public int WithoutExpectations => Results.Count(r => r.Outcome == ScenarioTestOutcome.NoExpectations);

    /// <summary>Whether some file could not be loaded (its tests did not run).</summary>
    public bool HasLoadErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// What the tested scenarios leave untested. A rule counts as fired when a conclusion it justifies holds in some
/// evaluated state (a scenario, or any step of a timeline, with or without <c>expect:</c>); a condition counts as
/// expected when some <c>expect:</c> lists it under <c>conditions:</c> (not under <c>absent:</c>).
/// </summary>
/// <param name="RulesNeverFired">Ids of loaded rules that justify nothing in any evaluated state, sorted ordinally.</param>
/// <param name="ConditionsNeverExpected">
/// Condition ids some rule derives (literal ids in <c>then:</c>) that no <c>expect:</c> lists under <c>conditions:</c>, sorted ordinally.
/// </param>
public sealed record ScenarioCoverage(IReadOnlyList<string> RulesNeverFired, IReadOnlyList<string> ConditionsNeverExpected);
