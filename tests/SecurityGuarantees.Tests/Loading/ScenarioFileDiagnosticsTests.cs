using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Loading;

public sealed class ScenarioFileDiagnosticsTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("rules/ceasefire-pending.yaml");

    private static IReadOnlyList<Diagnostic> Errors(string yaml) =>
        Assert.Throws<RuleLoadException>(() => Engine.ParseScenario("s.yaml", yaml)).Diagnostics;

    private static Diagnostic Single(string yaml, string code)
    {
        var diagnostics = Errors(yaml);
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join("\n", diagnostics)}");
        return matching[0];
    }

    [Fact]
    public void UnknownField_SuggestsTheClosest()
    {
        var d = Single("scenario: s\nfacts:\n  Position:\n    - { proposal: p, party: UA, stanse: accepted }\n", DiagnosticCodes.UnknownField);
        Assert.Equal(new SourceLocation("s.yaml", 4, 33), d.Location);
        Assert.Equal("did you mean 'stance'?", d.Hint);
    }

    [Fact]
    public void UnknownEnumValue_SuggestsTheClosest()
    {
        var d = Single("scenario: s\nfacts:\n  Position:\n    - { proposal: p, party: UA, stance: acepted }\n", DiagnosticCodes.UnknownEnumValue);
        Assert.Equal(new SourceLocation("s.yaml", 4, 41), d.Location);
        Assert.Equal("did you mean 'accepted'?", d.Hint);
    }

    [Fact]
    public void DuplicateKeys_AreALoadError()
    {
        var d = Single("scenario: s\nfacts:\n  Position:\n    - { proposal: p, party: UA }\n    - { proposal: p, party: UA, stance: accepted }\n", DiagnosticCodes.DuplicateFact);
        Assert.Equal(5, d.Location.Line);
        Assert.Contains("p/UA", d.Message);
    }

    [Fact]
    public void MissingKeyField_IsAnError()
    {
        var d = Single("scenario: s\nfacts:\n  Position:\n    - { party: UA }\n", DiagnosticCodes.MissingFactKey);
        Assert.Contains("'proposal'", d.Message);
    }

    [Theory]
    [InlineData("Condition")]
    [InlineData("NextStep")]
    [InlineData("Today")]
    public void DerivedAndBuiltInTypes_CannotBeWrittenUnderFacts(string type)
    {
        Single($"scenario: s\nfacts:\n  {type}:\n    - {{ id: x }}\n", DiagnosticCodes.ReservedFactType);
    }

    [Fact]
    public void InvalidDate_HasAHint()
    {
        var d = Single("scenario: s\nasOf: 2025-02-30\n", DiagnosticCodes.InvalidValue);
        Assert.Equal(new SourceLocation("s.yaml", 2, 7), d.Location);
        Assert.Contains("yyyy-mm-dd", d.Hint);
    }

    [Fact]
    public void InvalidId_IsAnError()
    {
        Single("scenario: s\nfacts:\n  Party:\n    - { id: \"U A\" }\n", DiagnosticCodes.InvalidId);
    }

    [Fact]
    public void ScalarWhereListExpected_HasAHint()
    {
        var d = Single("scenario: s\nfacts:\n  Proposal:\n    - { id: p, proposedBy: US }\n", DiagnosticCodes.WrongNodeKind);
        Assert.Contains("[US]", d.Hint);
    }

    [Fact]
    public void UnknownTopLevelKey_AndMissingScenario_AreBothReported()
    {
        var diagnostics = Errors("asof: 2025-01-01\n");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MissingKey);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.UnknownKey && d.Hint == "did you mean 'asOf'?");
    }

    [Fact]
    public void NumbersAndBools_AreTypedByTheField()
    {
        var scenario = Engine.ParseScenario("s.yaml", "scenario: s\nfacts:\n  Proposal:\n    - { id: p, durationDays: 30, mutual: true, title: 2025 }\n");
        var proposal = Assert.IsType<SecurityGuarantees.Domain.Proposal>(Assert.Single(scenario.Facts));
        Assert.Equal(30m, proposal.DurationDays);
        Assert.True(proposal.Mutual);
        Assert.Equal("2025", proposal.Title);
    }

    [Fact]
    public void BadNumberAndBool_AreErrors()
    {
        var diagnostics = Errors("scenario: s\nfacts:\n  Proposal:\n    - { id: p, durationDays: thirty, mutual: yes }\n");
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.InvalidValue));
    }
}
