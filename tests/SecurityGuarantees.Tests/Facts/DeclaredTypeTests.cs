using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Domain;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Testing;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Facts;

/// <summary>
/// Fact types and enums declared in YAML (issue 13 §1), over the files of <c>Fixtures/declared</c>: the rules in
/// <c>a-pledges.yaml</c> use types declared in <c>z-types.yaml</c>, a file of declarations only that is read after them.
/// </summary>
public sealed class DeclaredTypeTests
{
    private const string Folder = "tests/SecurityGuarantees.Tests/Fixtures/declared";

    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRules(TestPaths.Repo(Folder + "/rules")).Build();

    [Theory]
    [ScenarioFiles(Folder + "/scenario.yaml")]
    [ScenarioFiles(Folder + "/timeline.yaml")]
    public void Fixtures_MeetTheirExpectations(ScenarioFileCase step)
    {
        Assert.Equal(ScenarioTestOutcome.Passed, step.Run(Engine).ShouldPass().Outcome);
    }

    [Fact]
    public void DeclaredFacts_AreReadOnlyNameValueViews_WithDefaultsAndTypedValues()
    {
        var scenario = Engine.LoadScenario(TestPaths.Repo(Folder + "/scenario.yaml"));
        var packages = scenario.Facts.OfType<DeclaredFact>().Where(f => f.TypeName == "SanctionPackage").ToList();
        Assert.Equal(3, packages.Count);

        var b = packages.Single(p => (string?)p["id"] == "pkg-b");
        Assert.Equal(["id", "title", "status", "adoptedOn", "share", "binding", "sectors", "statuses"], b.Keys);
        Assert.Equal("proposed", b["status"]);               // defaults:
        Assert.Equal(new[] { "energy" }, b["sectors"]);       // a list default
        Assert.Equal(Array.Empty<string>(), b["statuses"]);   // lists default to empty
        Assert.Null(b["adoptedOn"]);                          // absent: null
        Assert.Equal(0.9m, b["share"]);
        Assert.Equal(true, b["binding"]);
        Assert.False(b.ContainsKey("colour"));
        Assert.False(b.TryGetValue("colour", out _));
        Assert.Throws<KeyNotFoundException>(() => b["colour"]);
        Assert.Equal(8, b.Count);

        var c = packages.Single(p => (string?)p["id"] == "pkg-c");
        Assert.Equal(false, c["binding"]);
        Assert.Equal(new DateOnly(2025, 2, 24), c["adoptedOn"]);

        var pledge = scenario.Facts.OfType<DeclaredFact>().Single(f => f.TypeName == "TroopPledge" && (string?)f["party"] == "GB");
        Assert.Equal(6000L, pledge["troops"]);                // integer: long
        Assert.Equal(Stance.Accepted, pledge["stance"]);      // a built-in enum keeps its C# type
        Assert.Equal(new[] { "land", "air" }, pledge["domains"]);
        Assert.Equal("TroopPledge { party: GB, force: reassurance, troops: 6000, stance: accepted, domains: land, air, announcedOn: 2025-09-04 }",
            pledge.ToString());
    }

    [Fact]
    public void Rules_InsertDeclaredFacts_AndMatchThem()
    {
        var result = Engine.Evaluate(Engine.LoadScenario(TestPaths.Repo(Folder + "/scenario.yaml")));
        var review = Assert.Single(result.InsertedFacts);
        Assert.Equal(("Review", "pkg-a"), (review.Type, review.Key));
        var fact = Assert.IsType<DeclaredFact>(review.Fact);
        Assert.Equal(new DateOnly(2025, 5, 20), fact["due"]);
        Assert.Equal("adopted", fact["status"]);
        Assert.Equal("review pkg-a by 2025-05-20 (1 reviews, adopted)", Assert.Single(result.NextSteps, s => s.Id == "review-package").Text);

        var force = Assert.Single(result.Conditions, c => c.Id == "force-size-credible");
        Assert.Equal("2 nations pledge 11000 troops to reassurance (last on 2025-09-04)", force.Text);
        Assert.Equal(["TroopPledge FR/reassurance", "TroopPledge GB/reassurance"],
            Assert.Single(force.Justifications).Because.Select(f => $"{f.Type} {f.Key}"));
    }

    [Fact]
    public void Timeline_FollowsUpdatesAndRetractions_AsAFreshEvaluationWould()
    {
        var timeline = Engine.LoadTimeline(TestPaths.Repo(Folder + "/timeline.yaml"));
        var result = Engine.RunTimeline(timeline);
        TimelineAssert.FinalEqualsFreshEvaluation(Engine, timeline, result);
        Assert.Equal("2 nations pledge 12000 troops to reassurance (last on 2025-09-07)",
            Assert.Single(result.Final.Conditions, c => c.Id == "force-size-credible").Text);
        Assert.Equal(TimelineJsonWriter.ToJson(result), TimelineJsonWriter.ToJson(Engine.RunTimeline(timeline)));
    }

    [Fact]
    public void Declarations_MayComeFromText_InAnyOrder_AndTheDeclarationsOnlyFileNeedsNoRuleSet()
    {
        var rules = File.ReadAllText(TestPaths.Repo(Folder + "/rules/a-pledges.yaml"));
        var types = File.ReadAllText(TestPaths.Repo(Folder + "/rules/z-types.yaml"));
        var engine = new ScenarioEngineBuilder().AddRuleText("pledges.yaml", rules).AddRuleText("types.yaml", types).Build();
        var scenario = engine.LoadScenario(TestPaths.Repo(Folder + "/scenario.yaml"));
        Assert.Equal(JsonReportWriter.ToJson(Engine.Evaluate(scenario)), JsonReportWriter.ToJson(engine.Evaluate(scenario)));
        Assert.Equal(["force-size", "pledge-without-size", "package-with-share", "review-open"], engine.RuleIds);
    }

    [Fact]
    public void FactsOfOneEngine_EvaluateOnAnotherBuiltFromTheSameDeclarations_ButNotOnADifferentTypeOfTheSameName()
    {
        var scenario = Engine.LoadScenario(TestPaths.Repo(Folder + "/scenario.yaml"));
        var reloaded = new ScenarioEngineBuilder().AddRules(TestPaths.Repo(Folder + "/rules")).Build(); // e.g. a hot reload
        Assert.Equal(JsonReportWriter.ToJson(Engine.Evaluate(scenario)), JsonReportWriter.ToJson(reloaded.Evaluate(scenario)));

        var other = new ScenarioEngineBuilder().AddRuleText("t.yaml", "types:\n  SanctionPackage:\n    fields: { id: string, share: integer }\n").Build();
        var e = Assert.Throws<ArgumentException>(() => other.Evaluate(scenario));
        Assert.Contains("not a registered", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binding-level")]
    [InlineData("commitment-kind")]
    [InlineData("commitment-level")]
    [InlineData("commitment-trigger")]
    [InlineData("demand-kind")]
    [InlineData("demand-status")]
    [InlineData("demand-timing")]
    [InlineData("meeting-format")]
    [InlineData("observation-kind")]
    [InlineData("party-kind")]
    [InlineData("party-role")]
    [InlineData("principle-kind")]
    [InlineData("proposal-kind")]
    [InlineData("proposal-scope")]
    [InlineData("proposal-status")]
    [InlineData("severity")]
    [InlineData("stance")]
    [InlineData("term-kind")]
    public void EveryBuiltInEnum_ThatDomainMdLists_IsAFieldType(string name)
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("t.yaml", $"types:\n  X:\n    fields: {{ id: string, one: {name}, many: list<{name}> }}\n").Build();
        var scenario = engine.ParseScenario("s.yaml", "scenario: s\nfacts:\n  X:\n    - { id: x }\n");
        var fact = Assert.IsType<DeclaredFact>(Assert.Single(scenario.Facts));
        Assert.Null(fact["one"]);
        Assert.Empty(Assert.IsAssignableFrom<System.Collections.IEnumerable>(fact["many"]!).Cast<object>());
        Assert.Contains($"`{name}`", File.ReadAllText(TestPaths.Repo("docs/domain.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_IncludeDeclaredTypes_WithTheirDescriptions()
    {
        var scenarioSchema = Engine.GetScenarioFileSchema();
        Assert.Contains("\"description\": \"A SanctionPackage fact: A sanctions package against Russia\"", scenarioSchema, StringComparison.Ordinal);
        Assert.Contains("\"enum\": [\n            \"proposed\",\n            \"adopted\",\n            \"lifted\",\n            null\n          ]", scenarioSchema, StringComparison.Ordinal);
        Assert.Contains("\"fact-TroopPledge\"", scenarioSchema, StringComparison.Ordinal);
        var ruleSchema = Engine.GetRuleFileSchema();
        Assert.Contains("\"types\": {", ruleSchema, StringComparison.Ordinal);
        Assert.Contains("\"list<PackageStatus>\"", ruleSchema, StringComparison.Ordinal);
        Assert.Contains("\"SanctionPackage\"", ruleSchema, StringComparison.Ordinal); // fact: and insert: name it
    }

    [Fact]
    public void BadDeclarations_AreAllReported_InOnePass_WithPositionsAndHints()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder()
            .AddRules(TestPaths.Repo(Folder + "/bad/declarations.yaml")).AddRules(TestPaths.Repo(Folder + "/bad/duplicate.yaml")).Build());
        var lines = e.Diagnostics.Select(d => d.ToString().Replace(TestPaths.Repo(Folder + "/bad/"), "", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "declarations.yaml:3:38: error SG0125: invalid value 'Lifted' of enum 'PackageStatus' (hint: enum values are kebab-case: lower-case letters and digits joined by '-', e.g. 'lifted')",
            "declarations.yaml:3:46: error SG0125: 'adopted' is listed twice in enum 'PackageStatus' (hint: remove the copy)",
            "declarations.yaml:4:3: error SG0122: enum 'Stance' clashes with the built-in enum 'stance' (hint: choose another name)",
            "declarations.yaml:7:15: error SG0123: key field 'nope' is not a field of 'SanctionPackage' (hint: valid names: id, sectors, status, value)",
            "declarations.yaml:11:14: error SG0120: unknown type 'numbr' for field 'value' of 'SanctionPackage' (hint: did you mean 'number'?)",
            "declarations.yaml:12:16: error SG0120: unknown type 'list<strin>' for field 'sectors' of 'SanctionPackage' (hint: did you mean 'list<string>'?)",
            "declarations.yaml:13:25: error SG0124: invalid default: 'banana' is not a valid status (valid: proposed, adopted) (hint: 'status' is PackageStatus)",
            "declarations.yaml:13:33: error SG0124: default for unknown field 'ghost' of 'SanctionPackage' (hint: valid names: id, sectors, status, value)",
            "declarations.yaml:14:3: error SG0122: type 'Proposal' clashes with the fact type 'Proposal' registered in C# (Proposal) (hint: choose another name)",
            "declarations.yaml:17:3: error SG0123: type 'NoId' has no field 'id' to key its facts (hint: add 'id: string' to its fields, or name its key fields: key: [field, ...])",
            "duplicate.yaml:3:3: error SG0121: 'SanctionPackage' is declared twice (first at declarations.yaml:6:3) (hint: rename one of them, or remove the copy: declarations are shared by every file loaded together)",
        ], lines);
    }

    [Fact]
    public void CreateDeclaredFact_BuildsScenariosInCode_AsTheFileWouldHoldThem()
    {
        Assert.Equal(["Review", "SanctionPackage", "TroopPledge"], Engine.DeclaredTypeNames);
        var package = Engine.CreateDeclaredFact("SanctionPackage", new Dictionary<string, object?>
        {
            ["id"] = "pkg-a", ["title"] = "Package A", ["status"] = "adopted", ["adoptedOn"] = new DateOnly(2025, 5, 20),
            ["share"] = 0.75m, ["binding"] = true, ["sectors"] = new[] { "banking", "energy" },
        });
        var pledge = Engine.CreateDeclaredFact("TroopPledge", new Dictionary<string, object?>
        {
            ["party"] = "GB", ["force"] = "reassurance", ["troops"] = 12000L, ["stance"] = Stance.Accepted, ["announcedOn"] = "2025-09-04",
        });
        Assert.Equal("proposed", Engine.CreateDeclaredFact("SanctionPackage", new Dictionary<string, object?> { ["id"] = "x" })["status"]);

        var result = Engine.Evaluate(Scenarios.Scenario.Create("in-code", [package, pledge], new DateOnly(2025, 9, 5)));
        Assert.Equal("PKG-A/adopted 0.75 banking, energy", Assert.Single(result.Conditions, c => c.Id == "package-counts").Text);
        Assert.Equal("1 nations pledge 12000 troops to reassurance (last on 2025-09-04)", Assert.Single(result.Conditions, c => c.Id == "force-size-credible").Text);

        Assert.Contains("not a declared fact type", Assert.Throws<ArgumentException>(() => Engine.CreateDeclaredFact("Proposal", new Dictionary<string, object?>())).Message, StringComparison.Ordinal);
        Assert.Contains("has no field 'colour'", Assert.Throws<ArgumentException>(() => Engine.CreateDeclaredFact("SanctionPackage", new Dictionary<string, object?> { ["id"] = "x", ["colour"] = "red" })).Message, StringComparison.Ordinal);
        Assert.Contains("'adpoted' is not a valid status", Assert.Throws<ArgumentException>(() => Engine.CreateDeclaredFact("SanctionPackage", new Dictionary<string, object?> { ["id"] = "x", ["status"] = "adpoted" })).Message, StringComparison.Ordinal);
        Assert.Contains("missing its key field 'force'", Assert.Throws<ArgumentException>(() => Engine.CreateDeclaredFact("TroopPledge", new Dictionary<string, object?> { ["party"] = "GB" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_NotesADeclaredTypeNoRuleReads()
    {
        Assert.DoesNotContain(Engine.Lint(), d => d.Code == "SG0709");
        var engine = new ScenarioEngineBuilder().AddRules(TestPaths.Repo(Folder + "/rules"))
            .AddRuleText("lonely.yaml", "types:\n  Lonely:\n    fields: { id: string }\n").Build();
        var note = Assert.Single(engine.Lint(), d => d.Code == "SG0709");
        Assert.Equal("lonely.yaml:2:3: info SG0709: type 'Lonely' is declared, but no rule matches or inserts it "
            + "(hint: scenarios may hold its facts, but nothing concludes from them: add a rule that reads it, or remove the declaration)", note.ToString());
    }

    [Fact]
    public void ADeclaredName_ClashesWithAnApplicationsOwnCSharpType()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddFactType<PackageRecord>("SanctionPackage")
            .AddRules(TestPaths.Repo(Folder + "/rules")).Build());
        var clash = Assert.Single(e.Diagnostics, d => d.Code == "SG0122"); // and the rules that read its declared fields cannot bind
        Assert.Equal("SG0122", clash.Code);
        Assert.Equal("type 'SanctionPackage' clashes with the fact type 'SanctionPackage' registered in C# (PackageRecord)", clash.Message);
        Assert.Equal((6, 3), (clash.Location.Line, clash.Location.Column));
    }

    /// <summary>An application's own C# fact type.</summary>
    public sealed record PackageRecord
    {
        public string Id { get; init; } = "";
    }

    [Fact]
    public void BadScenarioFacts_OfDeclaredTypes_AreReported_LikeThoseOfCSharpTypes()
    {
        var e = Assert.Throws<RuleLoadException>(() => Engine.LoadScenario(TestPaths.Repo(Folder + "/bad/scenario.yaml")));
        var lines = e.Diagnostics.Select(d => d.ToString().Replace(TestPaths.Repo(Folder + "/bad/"), "", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "scenario.yaml:5:7: error SG0402: TroopPledge fact is missing its key field 'force' (hint: add 'force: ...')",
            "scenario.yaml:6:48: error SG0110: 'troops' of TroopPledge must be a whole number in range, not '2.5' (hint: this field holds whole numbers)",
            "scenario.yaml:6:61: error SG0205: 'acepted' is not a valid stance of TroopPledge (hint: did you mean 'accepted'?)",
            "scenario.yaml:8:28: error SG0205: 'adpoted' is not a valid status of SanctionPackage (hint: did you mean 'adopted'?)",
            "scenario.yaml:8:37: error SG0202: unknown field 'colour' on SanctionPackage (hint: valid names: adoptedOn, binding, id, sectors, share, status, statuses, title)",
        ], lines);
    }

    [Fact]
    public void BadExpressions_OverDeclaredTypes_GetTheLanguagesDiagnostics()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder()
            .AddRules(TestPaths.Repo(Folder + "/rules/z-types.yaml")).AddRules(TestPaths.Repo(Folder + "/bad/expressions.yaml")).Build());
        var lines = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString().Replace(TestPaths.Repo(Folder + "/bad/"), "", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "expressions.yaml:8:26: error SG0205: 'adpoted' is not a value of PackageStatus (hint: did you mean 'adopted'?)",
            "expressions.yaml:8:39: error SG0202: unknown field 'nope' on SanctionPackage (hint: valid names: adoptedOn, binding, id, sectors, share, status, statuses, title)",
            "expressions.yaml:15:23: error SG0209: enum values cannot be ordered with '>' (hint: compare them with '==', '!=' or 'in')",
            "expressions.yaml:23:31: error SG0204: sum needs a number, but 'title' is a string (hint: sum and avg add numbers; count() counts facts, collect(f) lists values)",
            "expressions.yaml:23:48: error SG0202: unknown field 'colour' on SanctionPackage (hint: valid names: adoptedOn, binding, id, sectors, share, status, statuses, title)",
        ], lines);
    }
}
