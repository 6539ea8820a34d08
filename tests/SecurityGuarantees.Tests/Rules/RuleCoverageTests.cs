using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Rules;

/// <summary>
/// The domain fixtures, unedited, fire every built-in rule, and derive every condition and next step that the domain
/// issue (§2) fixes, with the actors it fixes.
/// </summary>
public sealed class RuleCoverageTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    private static readonly Lazy<IReadOnlyList<Results.EvaluationResult>> Results = new(() =>
        [.. Directory.EnumerateFiles(TestPaths.Fixture("domain"), "*.yaml").Order(StringComparer.Ordinal).Select(f => Engine.Evaluate(Engine.LoadScenario(f)))]);

    /// <summary>The 23 condition ids of the 22 items (item 5 has two).</summary>
    private static readonly string[] IssueConditions =
    [
        "ceasefire-in-force", "ceasefire-pending", "conditions-added", "demand-conflicts-with-first-guarantee", "army-cap-consistent",
        "army-cap-contested", "credibility-gap", "deployment-planning", "contingency-planning-only", "force-protection-risk",
        "ceasefire-breach", "disputed-compliance", "proposal-expired", "short-unilateral-truce", "condition-unmet-by-third-party",
        "ultimatum-lapsed", "negotiation-under-fire", "sequencing-divergence", "guarantee-dormant", "pending-ratification",
        "us-backstop-unconfirmed", "ukraine-not-at-table", "terms-conflict-with-commitments",
    ];

    public static TheoryData<string> ConditionIds => new(IssueConditions);

    /// <summary>Every next step the issue fixes, with the condition it follows from.</summary>
    public static TheoryData<string, string> NextStepIds => new()
    {
        { "respond-to-ceasefire", "ceasefire-pending" },
        { "convey-offer", "ceasefire-pending" },
        { "clarify-conditions", "conditions-added" },
        { "reject-demand", "demand-conflicts-with-first-guarantee" },
        { "seek-us-backstop", "credibility-gap" },
        { "activate-force-hq", "deployment-planning" },
        { "attribute-breach", "ceasefire-breach" },
        { "apply-consequence", "ceasefire-breach" },
        { "establish-monitoring", "disputed-compliance" },
        { "seek-renewal", "proposal-expired" },
        { "counter-propose-extension", "short-unilateral-truce" },
        { "apply-consequence", "ultimatum-lapsed" },
        { "humanitarian-measures", "negotiation-under-fire" },
        { "consult-kyiv", "ukraine-not-at-table" },
    };

    [Fact]
    public void BuiltInRules_EveryRule_FiresInSomeDomainFixture()
    {
        var fired = Results.Value
            .SelectMany(r => r.Conditions.SelectMany(c => c.Justifications).Concat(r.NextSteps.SelectMany(s => s.Justifications)))
            .Select(j => j.Rule)
            .ToHashSet(StringComparer.Ordinal);

        var silent = Engine.RuleIds.Where(id => !fired.Contains(id)).ToList();
        Assert.True(silent.Count == 0, $"rules that no domain fixture fires: {string.Join(", ", silent)}");
    }

    [Theory]
    [MemberData(nameof(ConditionIds))]
    public void DomainFixtures_IssueCondition_HoldsSomewhere(string id)
    {
        Assert.Contains(Results.Value, r => r.Conditions.Any(c => c.Id == id));
    }

    [Theory]
    [MemberData(nameof(NextStepIds))]
    public void DomainFixtures_IssueNextStep_FollowsFromItsCondition(string id, string condition)
    {
        // A companion next step is justified by a rule that matched the condition, or by the condition's own rule.
        Assert.Contains(Results.Value, r => r.NextSteps.Any(s => s.Id == id && s.Justifications.Any(j =>
            j.Rule.StartsWith(condition, StringComparison.Ordinal)
            || j.Because.Any(f => f.Type == "Condition" && f.Key.StartsWith(condition + "/", StringComparison.Ordinal)))));
    }

    [Fact]
    public void BuiltInRules_DeriveNoConditionOutsideTheIssue()
    {
        var derived = Results.Value.SelectMany(r => r.Conditions).Select(c => c.Id).Distinct().Where(id => !IssueConditions.Contains(id)).ToList();
        Assert.True(derived.Count == 0, $"conditions outside the issue: {string.Join(", ", derived)}");
    }
}
