using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Examples;

/// <summary>The <c>expect:</c> parser: what it reads, and every problem with its code, line and column.</summary>
public sealed class ExpectationParserTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().Build();

    /// <summary>Parses a scenario whose line 2 is <c>expect:</c>, followed by <paramref name="block"/>.</summary>
    private static (ExpectationSet? Set, IReadOnlyList<Diagnostic> Diagnostics) Parse(string block)
    {
        var scenario = Engine.ParseScenario("e.yaml", "scenario: s\nexpect:" + block);
        var diagnostics = new DiagnosticBag();
        var set = ExpectationParser.FromScenario(scenario, diagnostics);
        return (set, diagnostics.Sorted());
    }

    private static Diagnostic Single(string block, string code)
    {
        var (set, diagnostics) = Parse(block);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"expected one {code}, got:\n{string.Join("\n", diagnostics)}");
        if (diagnostics[0].Severity == DiagnosticSeverity.Error)
        {
            Assert.Null(set);
        }

        return diagnostics[0];
    }

    [Fact]
    public void Parse_ExampleOfTheIssue_ReadsEveryPart()
    {
        var (set, diagnostics) = Parse("""

              conditions: [ceasefire-pending, { id: contingency-planning-only }]
              nextSteps: [{ id: respond-to-ceasefire, actor: RU }]
              absent: { conditions: [ceasefire-in-force] }
              only: false
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(set);
        Assert.Equal(["ceasefire-pending", "contingency-planning-only"], set.Conditions.Select(c => c.ToString()));
        Assert.Equal(["respond-to-ceasefire (actor: RU)"], set.NextSteps.Select(s => s.ToString()));
        Assert.Equal(["ceasefire-in-force"], set.AbsentConditions.Select(c => c.ToString()));
        Assert.Empty(set.AbsentNextSteps);
        Assert.False(set.Only);
        Assert.Equal(new SourceLocation("e.yaml", 3, 3), set.Location);
        Assert.Equal(new SourceLocation("e.yaml", 3, 16), set.Conditions[0].Location);
        Assert.Equal(new SourceLocation("e.yaml", 3, 35), set.Conditions[1].Location);
    }

    [Fact]
    public void Parse_EveryField_IsRead()
    {
        var (set, diagnostics) = Parse("""

              conditions:
                - { id: ceasefire-pending, subject: jeddah, parties: [RU] }
                - { id: sequencing-divergence, parties: RU }
              nextSteps:
                - convey-offer
                - { id: respond-to-ceasefire, actor: RU, subject: jeddah }
              absent:
                conditions: [{ id: ceasefire-pending, subject: other, parties: [] }]
                nextSteps: [activate-force-hq, { id: consult-kyiv, actor: UA }]
              only: true
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(set);
        Assert.Equal(["ceasefire-pending (subject: jeddah, parties: [RU])", "sequencing-divergence (parties: [RU])"], set.Conditions.Select(c => c.ToString()));
        Assert.Equal(["convey-offer", "respond-to-ceasefire (actor: RU, subject: jeddah)"], set.NextSteps.Select(s => s.ToString()));
        Assert.Equal(["ceasefire-pending (subject: other, parties: [])"], set.AbsentConditions.Select(c => c.ToString()));
        Assert.Equal(["activate-force-hq", "consult-kyiv (actor: UA)"], set.AbsentNextSteps.Select(s => s.ToString()));
        Assert.True(set.Only);
        Assert.Equal([4, 5], set.Conditions.Select(c => c.Location.Line));
        Assert.Equal(new SourceLocation("e.yaml", 7, 7), set.NextSteps[0].Location);
    }

    [Fact]
    public void Parse_NoExpectBlock_IsNull()
    {
        var scenario = Engine.ParseScenario("e.yaml", "scenario: s\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(ExpectationParser.FromScenario(scenario, diagnostics));
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void Parse_EmptyExpectBlock_WarnsAndChecksNothing()
    {
        var (set, diagnostics) = Parse("\n");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.EmptyValue, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.NotNull(set);
        Assert.True(set.IsEmpty);
    }

    [Fact]
    public void Parse_EmptyLists_AreNoItems()
    {
        var (set, diagnostics) = Parse("\n  conditions: []\n  nextSteps:\n  absent: {}\n");
        Assert.Empty(diagnostics);
        Assert.True(set!.IsEmpty);
    }

    [Fact]
    public void UnknownKey_InExpect_SuggestsTheClosest()
    {
        var d = Single("\n  condtions: [ceasefire-pending]\n", DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("e.yaml", 3, 3), d.Location);
        Assert.Equal("unknown key 'condtions' in 'expect'", d.Message);
        Assert.Equal("did you mean 'conditions'?", d.Hint);
    }

    [Fact]
    public void UnknownKey_InACondition_SuggestsTheClosest()
    {
        var d = Single("\n  conditions:\n    - { id: ceasefire-pending, subjet: jeddah }\n", DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("e.yaml", 4, 32), d.Location);
        Assert.Equal("unknown key 'subjet' in a condition in 'conditions'", d.Message);
        Assert.Equal("did you mean 'subject'?", d.Hint);
    }

    [Fact]
    public void UnknownKey_InANextStep_SuggestsTheClosest()
    {
        var d = Single("\n  nextSteps: [{ id: convey-offer, actr: US }]\n", DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("e.yaml", 3, 35), d.Location);
        Assert.Equal("did you mean 'actor'?", d.Hint);
    }

    [Fact]
    public void UnknownKey_InAbsent_SuggestsTheClosest()
    {
        var d = Single("\n  absent:\n    conditions: [ceasefire-in-force]\n    nextStep: [activate-force-hq]\n", DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("e.yaml", 5, 5), d.Location);
        Assert.Equal("unknown key 'nextStep' in 'absent'", d.Message);
        Assert.Equal("did you mean 'nextSteps'?", d.Hint);
    }

    [Fact]
    public void WrongNodeKind_ExpectIsAList()
    {
        var d = Single("\n  - ceasefire-pending\n", DiagnosticCodes.WrongNodeKind);
        Assert.Equal(new SourceLocation("e.yaml", 3, 3), d.Location);
        Assert.Equal("'expect' must be a map of keys and values, not a list", d.Message);
    }

    [Fact]
    public void WrongNodeKind_ConditionsIsAMap()
    {
        var d = Single("\n  conditions:\n    id: ceasefire-pending\n", DiagnosticCodes.WrongNodeKind);
        Assert.Equal(new SourceLocation("e.yaml", 4, 5), d.Location);
        Assert.Equal("'conditions' must be a list of condition ids or maps, not a map", d.Message);
        Assert.Contains("conditions: [a, { id: b }]", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongNodeKind_AbsentIsAList()
    {
        var d = Single("\n  absent: [ceasefire-in-force]\n", DiagnosticCodes.WrongNodeKind);
        Assert.Equal(new SourceLocation("e.yaml", 3, 11), d.Location);
        Assert.Contains("absent: { conditions: [ceasefire-in-force]", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongNodeKind_AbsentNextStepsIsAMap()
    {
        var d = Single("\n  absent:\n    nextSteps: { id: activate-force-hq }\n", DiagnosticCodes.WrongNodeKind);
        Assert.Equal(new SourceLocation("e.yaml", 4, 16), d.Location);
        Assert.Equal("'absent.nextSteps' must be a list of next-step ids or maps, not a map", d.Message);
    }

    [Fact]
    public void WrongNodeKind_AnItemIsAList()
    {
        var d = Single("\n  nextSteps:\n    - [convey-offer, US]\n", DiagnosticCodes.WrongNodeKind);
        Assert.Equal(new SourceLocation("e.yaml", 4, 7), d.Location);
        Assert.Equal("an item of 'nextSteps' must be a next-step id or a map, not a list", d.Message);
    }

    [Fact]
    public void WrongNodeKind_UnquotedTemplateInSubject_HasAHint()
    {
        var d = Single("\n  conditions: [{ id: ceasefire-pending, subject: {p.id} }]\n", DiagnosticCodes.WrongNodeKind);
        Assert.Equal(3, d.Location.Line);
        Assert.Contains("quote", d.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes")]
    [InlineData("1")]
    public void InvalidValue_OnlyIsNotABool(string value)
    {
        var d = Single($"\n  conditions: [ceasefire-pending]\n  only: {value}\n", DiagnosticCodes.InvalidValue);
        Assert.Equal(new SourceLocation("e.yaml", 4, 9), d.Location);
        Assert.Equal($"'only' must be true or false, not '{value}'", d.Message);
    }

    [Fact]
    public void MissingKey_AMapWithoutId()
    {
        var d = Single("\n  conditions:\n    - { subject: jeddah }\n", DiagnosticCodes.MissingKey);
        Assert.Equal(new SourceLocation("e.yaml", 4, 7), d.Location);
        Assert.Equal("a condition in 'conditions' is missing the required key 'id'", d.Message);
    }

    [Fact]
    public void InvalidId_ASpaceInAnId()
    {
        var d = Single("\n  conditions: [\"ceasefire pending\"]\n", DiagnosticCodes.InvalidId);
        Assert.Equal(new SourceLocation("e.yaml", 3, 17), d.Location);
        Assert.Equal("invalid condition id 'ceasefire pending'", d.Message);
    }

    [Fact]
    public void InvalidId_ASpaceInAParty()
    {
        var d = Single("\n  conditions: [{ id: ceasefire-pending, parties: [RU, \"U A\"] }]\n", DiagnosticCodes.InvalidId);
        Assert.Equal("invalid party id 'U A'", d.Message);
    }

    [Fact]
    public void EmptyValue_AnEmptyItem()
    {
        var d = Single("\n  conditions:\n    -\n", DiagnosticCodes.EmptyValue);
        Assert.Equal(new SourceLocation("e.yaml", 4, 6), d.Location);
        Assert.Equal("an empty item in 'conditions'", d.Message);
    }

    [Fact]
    public void ExpectationError_TheSameItemExpectedAndAbsent()
    {
        var d = Single("\n  conditions: [{ id: ceasefire-pending, subject: jeddah }]\n  absent:\n    conditions: [ceasefire-pending]\n", DiagnosticCodes.ExpectationError);
        Assert.Equal(new SourceLocation("e.yaml", 5, 18), d.Location);
        Assert.Equal("condition ceasefire-pending is expected to be absent, but ceasefire-pending (subject: jeddah) is expected to hold (line 3): both cannot be true", d.Message);
    }

    [Fact]
    public void ExpectationError_NextStepExpectedAndAbsentForTheSameActor()
    {
        var d = Single("\n  nextSteps: [{ id: convey-offer, actor: US }]\n  absent:\n    nextSteps: [{ id: convey-offer, actor: US }]\n", DiagnosticCodes.ExpectationError);
        Assert.Equal(5, d.Location.Line);
    }

    [Theory]
    [InlineData("[{ id: convey-offer, actor: US }]", "[{ id: convey-offer, actor: GB }]")]
    [InlineData("[convey-offer]", "[{ id: convey-offer, actor: GB }]")]
    public void NoContradiction_AbsentItemMoreSpecificOrForAnotherActor(string expected, string absent)
    {
        var (set, diagnostics) = Parse($"\n  nextSteps: {expected}\n  absent:\n    nextSteps: {absent}\n");
        Assert.Empty(diagnostics);
        Assert.NotNull(set);
    }

    [Fact]
    public void Parse_SeveralProblems_AllReportedInOnePass()
    {
        var (set, diagnostics) = Parse("""

              conditons: [a]
              conditions: [{ id: x, subjet: y }, [z]]
              nextSteps: [{ actor: US }]
              absent: [a]
              only: perhaps
            """);

        Assert.Null(set);
        Assert.Equal(
            [
                ("SG0102", 3, 3), ("SG0102", 4, 25), ("SG0104", 4, 38), ("SG0103", 5, 15), ("SG0104", 6, 11), ("SG0110", 7, 9),
            ],
            diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void Parse_ExpectBlockOnDisk_LocationsNameTheFile()
    {
        var path = TestPaths.Fixture("domain/expectations/pending-pass.yaml");
        var scenario = Engine.LoadScenario(path);
        var set = ExpectationParser.FromScenario(scenario, new DiagnosticBag());

        Assert.NotNull(set);
        Assert.Equal(new SourceLocation(path, 15, 16), set.Conditions[0].Location);
        Assert.Equal(new SourceLocation(path, 17, 7), set.NextSteps[0].Location);
        Assert.Equal(3, set.AbsentConditions.Count);
    }
}
