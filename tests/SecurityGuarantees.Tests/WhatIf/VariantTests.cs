using System.Globalization;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.WhatIf;

public sealed class VariantTests
{
    private static readonly ScenarioEngine Engine = new ScenarioEngineBuilder().AddRules(TestPaths.Fixture("whatif/rules.yaml")).Build();
    private static readonly string ScenarioFile = TestPaths.Fixture("whatif/scenario.yaml");

    [Fact]
    public void RunVariants_EnumBoolAndPresenceDimensions_EveryCombinationInValueOrder()
    {
        var result = Engine.RunVariants(Engine.LoadScenario(ScenarioFile));

        Assert.Equal(["Position[truce-30d/RU].stance", "Proposal[truce-30d].unilateral", "Commitment[us-backstop]"], result.Dimensions.Select(d => d.Label));
        Assert.Equal(12, result.Variants.Count);
        Assert.Equal(["accepted", "false", "true"], result.Variants[0].Values);
        Assert.Equal(["accepted", "false", "false"], result.Variants[1].Values);
        Assert.Equal(["pending", "true", "false"], result.Variants[11].Values);
        Assert.Equal([new ConditionKey("guarantee-credible", "coalition")], result.Always.Conditions);
        Assert.Equal([new ConditionKey("ceasefire-agreed", "truce-30d")], result.Variants[0].Conclusions.Conditions);
        Assert.Equal([new NextStepKey("respond-to-ceasefire", "RU", "truce-30d")], result.Variants[8].Conclusions.NextSteps);
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6], result.Variants.Select(v => v.Group));
        Assert.Equal(["ceasefire-agreed (truce-30d)", "ceasefire-pending (truce-30d)", "unilateral-truce (truce-30d)"], result.DifferingConditions.Select(c => c.ToString()));
    }

    [Fact]
    public void RunVariants_PresenceChangesAnOutcome_GroupsRowsWithEqualOutcomes()
    {
        var scenario = Engine.LoadScenario(ScenarioFile);
        var result = Engine.RunVariants(scenario, [VariationDimension.OfPresence(new FactAddress("Commitment", "fr-force"))]);

        // guarantee-credible has two justifications: without the US backstop and the French force it no longer holds.
        var lost = result.Variants.Where(v => !v.Conclusions.Conditions.Contains(new ConditionKey("guarantee-credible", "coalition"))).ToList();
        Assert.Equal(6, lost.Count);
        Assert.All(lost, v => Assert.Equal(["false", "false"], v.Values.Skip(2)));
        Assert.Equal(24, result.Variants.Count);
    }

    [Fact]
    public void Json_HasTheIssueShape_AndIsTheSameInEveryCulture()
    {
        var scenario = Engine.LoadScenario(ScenarioFile);
        var previous = CultureInfo.CurrentCulture;
        string invariant, turkish;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = VariantsJsonWriter.ToJson(Engine.RunVariants(scenario));
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            turkish = VariantsJsonWriter.ToJson(Engine.RunVariants(scenario));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(invariant, turkish);
        Assert.StartsWith(
            "{\"scenario\":\"whatif-test\",\"dimensions\":[{\"fact\":\"Position[truce-30d/RU]\",\"field\":\"stance\",\"values\":[\"accepted\",\"rejected\",\"pending\"]},"
            + "{\"fact\":\"Proposal[truce-30d]\",\"field\":\"unilateral\",\"values\":[false,true]},{\"fact\":\"Commitment[us-backstop]\",\"present\":[true,false]}],"
            + "\"always\":{\"conditions\":[{\"id\":\"guarantee-credible\",\"subject\":\"coalition\"}],\"nextSteps\":[]},"
            + "\"variants\":[{\"values\":{\"Position[truce-30d/RU].stance\":\"accepted\",\"Proposal[truce-30d].unilateral\":false,\"Commitment[us-backstop]\":true},"
            + "\"conditions\":[{\"id\":\"ceasefire-agreed\",\"subject\":\"truce-30d\"}],\"nextSteps\":[]},",
            invariant);
    }

    [Fact]
    public void TextAndMarkdown_ShowTheAlwaysLineAndOnlyTheDifferingColumns()
    {
        var result = Engine.RunVariants(Engine.LoadScenario(ScenarioFile));
        var text = new StringWriter();
        VariantsTextWriter.Write(result, text);
        var markdown = new StringWriter();
        VariantsMarkdownWriter.Write(result, markdown);

        Assert.Contains("12 variants over 3 dimensions, 6 distinct outcomes", text.ToString());
        Assert.Contains("  conditions: guarantee-credible (coalition)\n", text.ToString());
        Assert.Contains("  C1  condition ceasefire-agreed (truce-30d)\n", text.ToString());
        Assert.Contains("  pending                        true                            absent                   6      .   x   x   x\n", text.ToString());
        Assert.DoesNotContain("guarantee-credible (coalition)\n  C", text.ToString());
        Assert.Contains("| `Position[truce-30d/RU].stance` | `Proposal[truce-30d].unilateral` | `Commitment[us-backstop]` | group | C1 | C2 | C3 | N1 |", markdown.ToString());
        Assert.Contains("| accepted | true | present | 2 | ✓ |  | ✓ |  |", markdown.ToString());
    }

    [Fact]
    public void CommandLineDimensions_AddToTheFilesOnes()
    {
        var dimensions = VariationDimensions.Parse(["Commitment[us-backstop].size=1000,6000"], ["Observation[shelling]"]);
        var result = Engine.RunVariants(Engine.LoadScenario(ScenarioFile), dimensions);

        Assert.Equal(48, result.Variants.Count);
        Assert.Equal("Commitment[us-backstop].size", result.Dimensions[3].Label);
        Assert.Contains(result.Variants, v => v.Conclusions.Conditions.Contains(new ConditionKey("backstop-ready", "us-backstop"))
            && v.Values.SequenceEqual(["accepted", "false", "true", "6000", "false"]));
        Assert.Equal(2, result.Variants.Count(v => v.Conclusions.NextSteps.Contains(new NextStepKey("deploy-backstop", "US", "us-backstop"))));
    }

    [Fact]
    public void MalformedVary_ReportsEveryProblemWithCodeAndPosition()
    {
        var file = TestPaths.Fixture("whatif/bad-vary.yaml");
        var e = Assert.Throws<RuleLoadException>(() => Engine.RunVariants(Engine.LoadScenario(file)));

        Assert.Equal(
            [
                $"{file}:12:32: error SG0801: 'Position[truce-30d/RU' is not a fact address: the key has no closing ']' (hint: address a fact as Type[key] and a field as Type[key].field, with the key as justifications print it, e.g. Position[jeddah-ceasefire/RU].stance)",
                $"{file}:15:11: error SG0802: unknown fact type 'Positon' in 'Positon[truce-30d/RU].stance' (hint: did you mean 'Position'?)",
                $"{file}:18:20: error SG0802: scenario 'whatif-bad' has no Position with the key 'truce-30d/UA' (hint: did you mean 'truce-30d/RU'?)",
                $"{file}:22:12: error SG0803: Position has no field 'stanse' (hint: did you mean 'stance'?)",
                $"{file}:26:14: error SG0804: 'acepted' is not a valid stance (valid: accepted, conditional, pending, rejected, ignored, counter-proposed) (hint: use one of the listed values)",
                $"{file}:27:5: error SG0806: 'values:' needs a field, but the entry for Proposal[truce-30d] names none (hint: add 'field: <name>')",
                $"{file}:29:5: error SG0806: the 'vary' entry for Proposal[truce-30d].kind has both 'values:' and 'present:' (hint: vary a field with 'field:' and 'values: [...]', or the fact's presence with 'present: [true, false]')",
                $"{file}:34:15: error SG0806: 'present:' takes true and false, not 'maybe' (hint: write present: [true, false])",
                $"{file}:36:12: error SG0803: 'id' is part of the key of Proposal; changing it makes another fact (hint: remove Proposal[truce-30d] instead, or vary a field that is not part of the key)",
            ],
            e.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void MoreCombinationsThanTheCap_IsSG0805()
    {
        var scenario = Engine.LoadScenario(ScenarioFile);
        var e = Assert.Throws<RuleLoadException>(() => Engine.RunVariants(scenario, whatIf: new WhatIfOptions { MaxVariants = 10 }));

        var diagnostic = Assert.Single(e.Diagnostics);
        Assert.Equal("SG0805", diagnostic.Code);
        Assert.Equal($"{ScenarioFile}:22:3: error SG0805: 3 × 2 × 2 combinations is more than the cap of 10 (hint: vary fewer facts or values, or raise the cap (--max-variants))", diagnostic.ToString());
    }

    [Fact]
    public void CommandLineTexts_MalformedOrUnresolved_AreDiagnosticsAtTheOption()
    {
        var parse = Assert.Throws<RuleLoadException>(() => VariationDimensions.Parse(["Position[truce-30d/RU].stance", "Position(x).stance=a"], ["Proposal[truce-30d].kind"]));
        Assert.Equal(
            [
                "--vary:1:1: error SG0806: --vary 'Position[truce-30d/RU].stance' has no values (hint: write --vary 'Type[key].field=value1,value2')",
                "--vary:1:9: error SG0801: 'Position(x).stance' is not a fact address: expected '[' after the type 'Position' (hint: address a fact as Type[key] and a field as Type[key].field, with the key as justifications print it, e.g. Position[jeddah-ceasefire/RU].stance)",
                "--vary-present:1:1: error SG0806: --vary-present 'Proposal[truce-30d].kind' names a field; it varies whether a whole fact is there (hint: write --vary-present 'Proposal[truce-30d]', or --vary 'Proposal[truce-30d].kind=...' to vary the field)",
            ],
            parse.Diagnostics.Select(d => d.ToString()));

        var scenario = Engine.LoadScenario(ScenarioFile);
        var resolve = Assert.Throws<RuleLoadException>(() => Engine.RunVariants(scenario, VariationDimensions.Parse(["Commitment[us-backstp].size=1"], ["Condition[x]"])));
        Assert.Equal(["SG0802", "SG0802"], resolve.Diagnostics.Select(d => d.Code));
        Assert.Contains("did you mean 'us-backstop'?", resolve.Diagnostics[0].ToString());

        var list = Assert.Throws<RuleLoadException>(() => Engine.RunVariants(scenario, VariationDimensions.Parse(["Proposal[truce-30d].scope=land"], [])));
        Assert.Equal("--vary:1:21: error SG0803: 'scope' of Proposal is a list; what-if sets single values only (hint: vary an enum, bool, number, date or text field, or the fact's presence)",
            Assert.Single(list.Diagnostics).ToString());
        var twice = Assert.Throws<RuleLoadException>(() => Engine.RunVariants(scenario, VariationDimensions.Parse(["Position[truce-30d/RU].stance=accepted"], [])));
        Assert.Equal("SG0806", Assert.Single(twice.Diagnostics).Code);
        Assert.Contains("Position[truce-30d/RU].stance is varied twice", twice.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("Position[jeddah-ceasefire/RU]", "Position", "jeddah-ceasefire/RU", null)]
    [InlineData("Position[jeddah-ceasefire/RU].stance", "Position", "jeddah-ceasefire/RU", "stance")]
    [InlineData("Condition[a.b/c].subject", "Condition", "a.b/c", "subject")]
    [InlineData("Commitment[us-backstop]", "Commitment", "us-backstop", null)]
    public void FactAddress_Parses(string text, string type, string key, string? field)
    {
        Assert.True(FactAddress.TryParse(text, out var address));
        Assert.Equal(new FactAddress(type, key, field), address);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[x]")]
    [InlineData("Position")]
    [InlineData("Position[]")]
    [InlineData("Position[x")]
    [InlineData("Position[x].")]
    [InlineData("Position[x]stance")]
    public void FactAddress_Malformed_DoesNotParse(string text) => Assert.False(FactAddress.TryParse(text, out _));
}
