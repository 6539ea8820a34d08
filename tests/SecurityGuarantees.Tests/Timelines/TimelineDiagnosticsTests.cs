using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Tests.Timelines;

public sealed class TimelineDiagnosticsTests
{
    private static readonly ScenarioEngine Engine = TestEngines.FromFixtures("timelines/rules.yaml");
    private static readonly string Broken = TestPaths.Fixture("timelines/broken.yaml");

    private static IReadOnlyList<Diagnostic> BrokenErrors() => Assert.Throws<RuleLoadException>(() => Engine.LoadTimeline(Broken)).Diagnostics;

    private static Diagnostic At(int line, int column)
    {
        var diagnostics = BrokenErrors();
        var matching = diagnostics.Where(d => d.Location.Line == line && d.Location.Column == column).ToList();
        Assert.True(matching.Count == 1, $"expected one diagnostic at {line}:{column}, got:\n{string.Join("\n", diagnostics)}");
        Assert.Equal(Broken, matching[0].Location.File);
        Assert.Equal(DiagnosticSeverity.Error, matching[0].Severity);
        return matching[0];
    }

    private static IReadOnlyList<Diagnostic> Errors(string yaml) =>
        Assert.Throws<RuleLoadException>(() => Engine.ParseTimeline("t.yaml", yaml)).Diagnostics;

    private static Diagnostic Single(string yaml, string code)
    {
        var diagnostics = Errors(yaml);
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join("\n", diagnostics)}");
        return matching[0];
    }

    private const string Header = """
        scenario: t
        asOf: 2025-03-12
        facts:
          Proposal:
            - { id: p1, kind: ceasefire }
          Term:
            - { id: t1, proposal: p1, kind: monitoring }
            - { proposal: p1, kind: withdrawal }
        timeline:

        """;

    [Fact]
    public void EveryProblemOfTheFile_IsReportedInOnePass_Sorted()
    {
        var diagnostics = BrokenErrors();
        Assert.Equal(
            ["10:9 SG0404", "14:9 SG0404", "19:11 SG0404", "22:11 SG0404", "26:11 SG0404", "27:7 SG0302", "29:7 SG0403", "32:5 SG0102", "36:38 SG0404"],
            diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}"));
    }

    [Fact]
    public void ADateBeforeAsOf_IsAnError()
    {
        var d = At(10, 9);
        Assert.Equal(DiagnosticCodes.TimelineError, d.Code);
        Assert.Equal("the step on 2025-03-10 is before the scenario's asOf (2025-03-12)", d.Message);
    }

    [Fact]
    public void ADateNotAfterThePreviousStep_IsAnError()
    {
        var d = At(14, 9);
        Assert.Equal(DiagnosticCodes.TimelineError, d.Code);
        Assert.Equal("step dates must increase: 2025-03-13 is not after the previous step's 2025-03-14 (line 12)", d.Message);
        Assert.Equal("order the steps by date", d.Hint);
    }

    [Fact]
    public void TwoStepsOnOneDay_AreAnError_WithAHintToMergeThem()
    {
        var d = Single(Header + "  - on: 2025-03-13\n  - on: 2025-03-13\n", DiagnosticCodes.TimelineError);
        Assert.Equal(new SourceLocation("t.yaml", 11, 9), d.Location);
        Assert.Equal("merge the two steps of one day into one", d.Hint);
    }

    [Fact]
    public void AStepOnAsOf_IsAllowed()
    {
        var timeline = Engine.ParseTimeline("t.yaml", Header + "  - on: 2025-03-12\n    note: the same day\n");
        Assert.Equal(new DateOnly(2025, 3, 12), Assert.Single(timeline.Steps).On);
    }

    [Fact]
    public void UpdatingAnUnknownKey_IsAnError_SuggestingTheClosestKey()
    {
        var d = At(19, 11);
        Assert.Equal(DiagnosticCodes.TimelineError, d.Code);
        Assert.Equal("cannot update Position 'p1/RU' on 2025-03-15: no Position has that key at this point", d.Message);
        Assert.Equal("did you mean 'p1/UA'?", d.Hint);
    }

    [Fact]
    public void RetractingAnUnknownKey_IsAnError()
    {
        var d = At(22, 11);
        Assert.Equal(DiagnosticCodes.TimelineError, d.Code);
        Assert.Equal("cannot retract Proposal 'p2' on 2025-03-15: no Proposal has that key at this point", d.Message);
        Assert.Equal("did you mean 'p1'?", d.Hint);
    }

    [Fact]
    public void InsertingAnExistingKey_IsAnError_NamingTheLineOfTheExistingFact()
    {
        var d = At(26, 11);
        Assert.Equal(DiagnosticCodes.TimelineError, d.Code);
        Assert.Equal("cannot insert Position 'p1/UA' on 2025-03-16: a Position with that key already exists (line 8)", d.Message);
        Assert.Equal("use 'update:' to replace it, or retract it first", d.Hint);
    }

    [Fact]
    public void AnUnknownFactType_IsAnError_SuggestingTheClosest()
    {
        var d = At(27, 7);
        Assert.Equal(DiagnosticCodes.UnknownFactType, d.Code);
        Assert.Equal("did you mean 'Proposal'?", d.Hint);
    }

    [Theory]
    [InlineData("insert", "Condition", "Condition facts are derived by rules")]
    [InlineData("update", "NextStep", "NextStep facts are derived by rules")]
    [InlineData("retract", "Today", "the step's 'on:' date becomes Today")]
    public void DerivedAndBuiltInTypes_CannotBeChangedByAStep(string verb, string type, string hint)
    {
        var d = Single(Header + $"  - on: 2025-03-13\n    {verb}:\n      {type}:\n        - {{ id: x }}\n", DiagnosticCodes.ReservedFactType);
        Assert.Equal(new SourceLocation("t.yaml", 12, 7), d.Location);
        Assert.Equal($"a timeline step cannot {verb} {type} facts", d.Message);
        Assert.Equal(hint, d.Hint);
        Assert.Equal(DiagnosticCodes.ReservedFactType, At(29, 7).Code);
    }

    [Fact]
    public void AnUnknownStepKey_IsAnError_SuggestingTheClosest()
    {
        var d = At(32, 5);
        Assert.Equal(DiagnosticCodes.UnknownKey, d.Code);
        Assert.Equal("unknown key 'inserts' in a timeline step", d.Message);
        Assert.Equal("did you mean 'insert'?", d.Hint);
    }

    [Fact]
    public void ARetractWithNonKeyFields_IsAnError()
    {
        var d = At(36, 38);
        Assert.Equal(DiagnosticCodes.TimelineError, d.Code);
        Assert.Equal("'stance' is not a key field of Position", d.Message);
    }

    [Fact]
    public void ABrokenTimeline_DoesNotBreakEvaluate()
    {
        var scenario = Engine.LoadScenario(Broken);
        var result = Engine.Evaluate(scenario);
        Assert.Equal("timeline-broken", result.Scenario);
        Assert.Throws<RuleLoadException>(() => Engine.ReadTimeline(scenario));
    }

    [Fact]
    public void AStepWithoutOn_IsAnError()
    {
        var d = Single(Header + "  - note: when?\n", DiagnosticCodes.MissingKey);
        Assert.Equal(new SourceLocation("t.yaml", 10, 5), d.Location);
        Assert.Contains("'on'", d.Message);
    }

    [Fact]
    public void AnInvalidDate_IsAnError()
    {
        var d = Single(Header + "  - on: 2025-13-01\n", DiagnosticCodes.InvalidValue);
        Assert.Equal(new SourceLocation("t.yaml", 10, 9), d.Location);
    }

    [Theory]
    [InlineData("timeline: 5\n", DiagnosticCodes.WrongNodeKind)]
    [InlineData("timeline:\n  - on: 2025-03-13\n    insert:\n      - Proposal: []\n", DiagnosticCodes.WrongNodeKind)]
    [InlineData("timeline:\n  - 2025-03-13\n", DiagnosticCodes.WrongNodeKind)]
    public void WrongNodeKinds_AreErrors(string timeline, string code)
    {
        var yaml = Header.Replace("timeline:\n", timeline, StringComparison.Ordinal);
        Single(yaml, code);
    }

    [Fact]
    public void ATimelineWithoutAsOf_IsAnError()
    {
        var d = Single("scenario: t\nfacts:\n  Proposal:\n    - { id: p1 }\ntimeline:\n  - on: 2025-03-13\n", DiagnosticCodes.TimelineError);
        Assert.Equal(new SourceLocation("t.yaml", 6, 3), d.Location);
        Assert.Equal("a scenario with a timeline needs an 'asOf:' date", d.Message);
    }

    [Fact]
    public void ScenarioErrorsAndTimelineErrors_AreReportedTogether()
    {
        var diagnostics = Errors("scenario: t\nasOf: 2025-03-12\nfacts:\n  Proposal:\n    - { id: p1, knd: ceasefire }\ntimeline:\n  - on: 2025-03-11\n    insrt: {}\n");
        Assert.Equal(["5:17 SG0202", "7:9 SG0404", "8:5 SG0102"], diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}"));
    }

    [Fact]
    public void UpdatingOneKeyTwiceInAStep_IsAnError()
    {
        var d = Single(Header + "  - on: 2025-03-13\n    update:\n      Proposal:\n        - { id: p1, title: a }\n        - { id: p1, title: b }\n",
            DiagnosticCodes.DuplicateFact);
        Assert.Equal(14, d.Location.Line);
    }

    [Fact]
    public void ChangesApplyInOrder_RetractThenUpdateThenInsert()
    {
        // Retract and insert one key in a step: the insert sees the key gone, so this replaces the fact.
        var timeline = Engine.ParseTimeline("t.yaml", Header
            + "  - on: 2025-03-13\n    retract:\n      Proposal:\n        - { id: p1 }\n    insert:\n      Proposal:\n        - { id: p1, kind: truce }\n");
        var step = Assert.Single(timeline.Steps);
        Assert.Single(step.Retractions);
        Assert.Single(step.Insertions);

        // Updating a fact the same step retracts: it is gone by then.
        var d = Single(Header + "  - on: 2025-03-13\n    retract:\n      Proposal:\n        - { id: p1 }\n    update:\n      Proposal:\n        - { id: p1, kind: truce }\n",
            DiagnosticCodes.TimelineError);
        Assert.Equal(new SourceLocation("t.yaml", 16, 11), d.Location);
    }

    [Fact]
    public void KeysFollowTheSteps_AFactInsertedEarlierCanBeUpdatedAndRetractedLater()
    {
        var timeline = Engine.ParseTimeline("t.yaml", Header + """
              - on: 2025-03-13
                insert:
                  Proposal:
                    - { id: p2, kind: truce }
              - on: 2025-03-14
                update:
                  Proposal:
                    - { id: p2, kind: truce, title: Updated }
              - on: 2025-03-15
                retract:
                  Proposal:
                    - { id: p2 }
                  Term:
                    - { id: t1 }
                    - { proposal: p1, kind: withdrawal }
            """);
        Assert.Equal(3, timeline.Steps.Count);
        Assert.Equal("Updated", ((Domain.Proposal)timeline.Steps[2].Retractions[0]).Title);
        Assert.Equal(["p1"], timeline.FinalFacts.OfType<Domain.Proposal>().Select(p => p.Id));
        Assert.Empty(timeline.FinalFacts.OfType<Domain.Term>());

        // Once retracted, a key is unknown again.
        var d = Single(Header + """
              - on: 2025-03-13
                retract:
                  Proposal:
                    - { id: p1 }
              - on: 2025-03-14
                retract:
                  Proposal:
                    - { id: p1 }
            """, DiagnosticCodes.TimelineError);
        Assert.Equal(17, d.Location.Line);
    }

    [Fact]
    public void ExpectBlocks_AreAcceptedAndKept()
    {
        var timeline = Engine.LoadTimeline(TestPaths.Fixture("timelines/basic.yaml"));
        Assert.NotNull(timeline.Steps[3].ExpectNode);
        Assert.Null(timeline.Steps[0].ExpectNode);
    }

    [Fact]
    public void AScenarioWithoutTimeline_HasNoSteps()
    {
        var timeline = Engine.LoadTimeline(TestPaths.Fixture("scenarios/jeddah.yaml"));
        Assert.Empty(timeline.Steps);
        Assert.Equal(timeline.Scenario.Facts, timeline.FinalFacts);
        Assert.Equal(new DateOnly(2025, 3, 12), timeline.FinalDate);
    }

    [Fact]
    public void TooManySteps_AreRefused()
    {
        var steps = new System.Text.StringBuilder(Header);
        var day = new DateOnly(2025, 3, 13);
        for (var i = 0; i <= TimelineParser.MaxSteps; i++)
        {
            steps.Append("  - on: ").Append(day.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var d = Single(steps.ToString(), DiagnosticCodes.FileTooLarge);
        Assert.Equal(new SourceLocation("t.yaml", 10 + TimelineParser.MaxSteps, 5), d.Location);
    }
}
