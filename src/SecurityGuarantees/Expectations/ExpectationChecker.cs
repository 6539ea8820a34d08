using System.Text;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Expectations;

/// <summary>
/// Checks an evaluation result against an <see cref="ExpectationSet"/>. Items match by the fields they give: an id
/// alone matches any subject, parties are compared as a set. Each failure says what was expected, what actually held
/// and why (the rules behind it).
/// </summary>
internal static class ExpectationChecker
{
    /// <summary>At most this many holding conclusions are listed in one failure message.</summary>
    internal const int ListAtMost = 40;

    private const string Indent = "  ";

    /// <summary>The expectations that do not hold, in the order they are written; empty when all hold.</summary>
    public static IReadOnlyList<ExpectationFailure> Check(EvaluationResult result, ExpectationSet expectations)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expectations);
        var failures = new List<ExpectationFailure>();

        foreach (var expected in expectations.Conditions)
        {
            if (!result.Conditions.Any(c => expected.Matches(c.Id, c.Subject, c.Parties)))
            {
                var sameId = result.Conditions.Where(c => c.Id == expected.Id).ToList();
                var message = new StringBuilder($"expected condition {expected} to hold, but it does not");
                message.Append('\n').Append(Indent).Append("actual: ");
                AppendActual(message, sameId.Count == 0 ? null : sameId.Select(Describe).ToList(), $"no {expected.Id} condition holds", $"{expected.Id} holds only as");
                AppendHolding(message, "conditions that hold", result.Conditions.Select(Describe).ToList());
                failures.Add(new ExpectationFailure(ExpectationFailureKind.ConditionMissing, expected.Location, expected.ToString(), message.ToString()));
            }
        }

        foreach (var expected in expectations.NextSteps)
        {
            if (!result.NextSteps.Any(s => expected.Matches(s.Id, s.Actor, s.Subject)))
            {
                var sameId = result.NextSteps.Where(s => s.Id == expected.Id).ToList();
                var message = new StringBuilder($"expected next step {expected} to follow, but it does not");
                message.Append('\n').Append(Indent).Append("actual: ");
                AppendActual(message, sameId.Count == 0 ? null : sameId.Select(Describe).ToList(), $"no {expected.Id} next step follows", $"{expected.Id} follows only as");
                AppendHolding(message, "next steps that follow", result.NextSteps.Select(Describe).ToList());
                failures.Add(new ExpectationFailure(ExpectationFailureKind.NextStepMissing, expected.Location, expected.ToString(), message.ToString()));
            }
        }

        foreach (var excluded in expectations.AbsentConditions)
        {
            var holding = result.Conditions.Where(c => excluded.Matches(c.Id, c.Subject, c.Parties)).Select(Describe).ToList();
            if (holding.Count > 0)
            {
                var message = new StringBuilder($"expected condition {excluded} to be absent, but it holds");
                AppendHolding(message, "actual", holding);
                failures.Add(new ExpectationFailure(ExpectationFailureKind.ConditionPresent, excluded.Location, excluded.ToString(), message.ToString()));
            }
        }

        foreach (var excluded in expectations.AbsentNextSteps)
        {
            var following = result.NextSteps.Where(s => excluded.Matches(s.Id, s.Actor, s.Subject)).Select(Describe).ToList();
            if (following.Count > 0)
            {
                var message = new StringBuilder($"expected next step {excluded} to be absent, but it follows");
                AppendHolding(message, "actual", following);
                failures.Add(new ExpectationFailure(ExpectationFailureKind.NextStepPresent, excluded.Location, excluded.ToString(), message.ToString()));
            }
        }

        if (expectations.Only)
        {
            foreach (var condition in result.Conditions.Where(c => !expectations.Conditions.Any(e => e.Matches(c.Id, c.Subject, c.Parties))))
            {
                var described = Describe(condition);
                failures.Add(new ExpectationFailure(ExpectationFailureKind.UnexpectedCondition, expectations.OnlyLocation, "only: true",
                    $"expected only the listed conditions (only: true), but another holds\n{Indent}actual: {described}"));
            }

            foreach (var step in result.NextSteps.Where(s => !expectations.NextSteps.Any(e => e.Matches(s.Id, s.Actor, s.Subject))))
            {
                var described = Describe(step);
                failures.Add(new ExpectationFailure(ExpectationFailureKind.UnexpectedNextStep, expectations.OnlyLocation, "only: true",
                    $"expected only the listed next steps (only: true), but another follows\n{Indent}actual: {described}"));
            }
        }

        return failures;
    }

    /// <summary>All failures, one compiler-style block each, for a test assertion or the console.</summary>
    public static string Format(IEnumerable<ExpectationFailure> failures) =>
        string.Join("\n", failures.Select(f => f.ToString()));

    /// <summary><c>id (subject: s, parties: [A, B]) because rule-a, rule-b</c>.</summary>
    internal static string Describe(ConditionResult condition)
    {
        var fields = new List<string>();
        if (condition.Subject is not null)
        {
            fields.Add($"subject: {condition.Subject}");
        }

        if (condition.Parties.Count > 0)
        {
            fields.Add($"parties: [{string.Join(", ", condition.Parties)}]");
        }

        var head = fields.Count == 0 ? condition.Id : $"{condition.Id} ({string.Join(", ", fields)})";
        return $"{head} {Because(condition.Justifications)}";
    }

    /// <summary><c>id (actor: A, subject: s) because rule-a</c>.</summary>
    internal static string Describe(NextStepResult step)
    {
        var fields = new List<string>();
        if (step.Actor is not null)
        {
            fields.Add($"actor: {step.Actor}");
        }

        if (step.Subject is not null)
        {
            fields.Add($"subject: {step.Subject}");
        }

        var head = fields.Count == 0 ? step.Id : $"{step.Id} ({string.Join(", ", fields)})";
        return $"{head} {Because(step.Justifications)}";
    }

    private static string Because(IReadOnlyList<Justification> justifications)
    {
        var rules = justifications.Select(j => j.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return rules.Count == 1 ? $"because rule {rules[0]}" : $"because rules {string.Join(", ", rules)}";
    }

    private static void AppendActual(StringBuilder message, IReadOnlyList<string>? sameId, string none, string only)
    {
        if (sameId is null)
        {
            message.Append(none);
            return;
        }

        message.Append(only).Append(':');
        foreach (var line in sameId.Take(ListAtMost))
        {
            message.Append('\n').Append(Indent).Append(Indent).Append(line);
        }

        AppendMore(message, sameId.Count);
    }

    private static void AppendHolding(StringBuilder message, string title, IReadOnlyList<string> lines)
    {
        message.Append('\n').Append(Indent).Append(title);
        if (lines.Count == 0)
        {
            message.Append(": none");
            return;
        }

        message.Append(" (").Append(lines.Count).Append("):");
        foreach (var line in lines.Take(ListAtMost))
        {
            message.Append('\n').Append(Indent).Append(Indent).Append(line);
        }

        AppendMore(message, lines.Count);
    }

    private static void AppendMore(StringBuilder message, int count)
    {
        if (count > ListAtMost)
        {
            message.Append('\n').Append(Indent).Append(Indent).Append("... and ").Append(count - ListAtMost).Append(" more");
        }
    }
}
