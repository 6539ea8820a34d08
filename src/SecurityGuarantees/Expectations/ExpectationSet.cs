using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Expectations;

/// <summary>
/// A scenario's (or a timeline step's) <c>expect:</c> block: conditions and next steps that must hold, those that must
/// not, and whether anything else may hold.
/// </summary>
/// <param name="Location">Where the <c>expect:</c> block is.</param>
/// <param name="Conditions">Conditions that must hold.</param>
/// <param name="NextSteps">Next steps that must follow.</param>
/// <param name="AbsentConditions">Conditions that must not hold.</param>
/// <param name="AbsentNextSteps">Next steps that must not follow.</param>
/// <param name="Only">When true, every condition and next step that holds must match an expected item.</param>
public sealed record ExpectationSet(
    SourceLocation Location,
    IReadOnlyList<ConditionExpectation> Conditions,
    IReadOnlyList<NextStepExpectation> NextSteps,
    IReadOnlyList<ConditionExpectation> AbsentConditions,
    IReadOnlyList<NextStepExpectation> AbsentNextSteps,
    bool Only)
{
    /// <summary>Where <c>only:</c> is written (the block itself when it is not); failures of <c>only: true</c> point here.</summary>
    public SourceLocation OnlyLocation { get; init; } = Location;

    /// <summary>No expectation at all (an <c>expect:</c> without content).</summary>
    public bool IsEmpty => Conditions.Count == 0 && NextSteps.Count == 0 && AbsentConditions.Count == 0 && AbsentNextSteps.Count == 0 && !Only;

    /// <summary>Reads the <c>expect:</c> block of a loaded scenario.</summary>
    /// <param name="scenario">A scenario loaded from a file or text (one built in code has no <c>expect:</c>).</param>
    /// <returns>The expectations, or <see langword="null"/> when the scenario has no <c>expect:</c> block.</returns>
    /// <exception cref="RuleLoadException">The block has errors; all of them are listed.</exception>
    public static ExpectationSet? FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var diagnostics = new DiagnosticBag();
        var expectations = ExpectationParser.FromScenario(scenario, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return expectations;
    }

    /// <summary>
    /// Checks a result against these expectations. Each failure says what was expected, what actually held and why
    /// (the rules behind it).
    /// </summary>
    /// <param name="result">The evaluation result (of the scenario, or the state after a timeline step).</param>
    /// <returns>The expectations that do not hold, in the order they are written; empty when all hold.</returns>
    public IReadOnlyList<ExpectationFailure> Check(EvaluationResult result) => ExpectationChecker.Check(result, this);
}

/// <summary>An expected (or excluded) condition; a field left out (null) matches any value.</summary>
/// <param name="Id">The condition id.</param>
/// <param name="Subject">The subject, or null for any.</param>
/// <param name="Parties">The parties (compared as a set), or null for any.</param>
/// <param name="Location">Where the item is written.</param>
public sealed record ConditionExpectation(string Id, string? Subject, IReadOnlyList<string>? Parties, SourceLocation Location)
{
    /// <summary>Whether a holding condition matches every field given.</summary>
    public bool Matches(string id, string? subject, IReadOnlyList<string> parties) =>
        string.Equals(Id, id, StringComparison.Ordinal)
        && (Subject is null || string.Equals(Subject, subject, StringComparison.Ordinal))
        && (Parties is null || SameSet(Parties, parties));

    /// <summary>Whether everything this item matches is also matched by <paramref name="other"/>.</summary>
    internal bool IsCoveredBy(ConditionExpectation other) =>
        string.Equals(Id, other.Id, StringComparison.Ordinal)
        && (other.Subject is null || string.Equals(Subject, other.Subject, StringComparison.Ordinal))
        && (other.Parties is null || (Parties is not null && SameSet(Parties, other.Parties)));

    /// <summary>The item as an author would write it: <c>id (subject: s, parties: [A, B])</c>.</summary>
    public override string ToString()
    {
        var fields = new List<string>();
        if (Subject is not null)
        {
            fields.Add($"subject: {Subject}");
        }

        if (Parties is not null)
        {
            fields.Add($"parties: [{string.Join(", ", Parties)}]");
        }

        return fields.Count == 0 ? Id : $"{Id} ({string.Join(", ", fields)})";
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        new HashSet<string>(a, StringComparer.Ordinal).SetEquals(b);
}

/// <summary>An expected (or excluded) next step; a field left out (null) matches any value.</summary>
/// <param name="Id">The next-step id.</param>
/// <param name="Actor">The actor, or null for any.</param>
/// <param name="Subject">The subject, or null for any.</param>
/// <param name="Location">Where the item is written.</param>
public sealed record NextStepExpectation(string Id, string? Actor, string? Subject, SourceLocation Location)
{
    /// <summary>Whether a next step that follows matches every field given.</summary>
    public bool Matches(string id, string? actor, string? subject) =>
        string.Equals(Id, id, StringComparison.Ordinal)
        && (Actor is null || string.Equals(Actor, actor, StringComparison.Ordinal))
        && (Subject is null || string.Equals(Subject, subject, StringComparison.Ordinal));

    /// <summary>Whether everything this item matches is also matched by <paramref name="other"/>.</summary>
    internal bool IsCoveredBy(NextStepExpectation other) =>
        string.Equals(Id, other.Id, StringComparison.Ordinal)
        && (other.Actor is null || string.Equals(Actor, other.Actor, StringComparison.Ordinal))
        && (other.Subject is null || string.Equals(Subject, other.Subject, StringComparison.Ordinal));

    /// <summary>The item as an author would write it: <c>id (actor: A, subject: s)</c>.</summary>
    public override string ToString()
    {
        var fields = new List<string>();
        if (Actor is not null)
        {
            fields.Add($"actor: {Actor}");
        }

        if (Subject is not null)
        {
            fields.Add($"subject: {Subject}");
        }

        return fields.Count == 0 ? Id : $"{Id} ({string.Join(", ", fields)})";
    }
}
