using System.Text.Json.Nodes;
using SecurityGuarantees.Cli;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Tests.Evaluation;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Schemas;

/// <summary>A host type with an enum, a decimal and a composite key, to see custom types in the schemas.</summary>
public sealed record SchemaTestAid
{
    [FactKey(0)]
    public string Donor { get; init; } = "";

    [FactKey(1)]
    public int Tranche { get; init; }

    public SchemaTestAidLevel Level { get; init; }

    public decimal? Amount { get; init; }
}

/// <summary>The levels of <see cref="SchemaTestAid"/>.</summary>
public enum SchemaTestAidLevel
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Very high.</summary>
    VeryHigh,
}

public sealed class SchemaTests
{
    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    private static readonly ScenarioEngine Custom = new ScenarioEngineBuilder()
        .AddFactType<SanctionPackage>()
        .AddFactType<SchemaTestAid>("Aid")
        .AddRuleText("custom.yaml", "ruleset: custom\nrules:\n  - id: r\n    when:\n      - fact: Aid\n        as: a\n    then:\n      - condition: aided\n        subject: \"{a.donor}\"\n")
        .Build();

    public static TheoryData<string> RuleFiles() => [.. Directory.GetFiles(TestPaths.Repo("rules"), "*.yaml").Select(Relative).Order(StringComparer.Ordinal)];

    public static TheoryData<string> ScenarioFiles() =>
        [.. new[] { "examples/scenarios", "examples/timelines" }
            .SelectMany(folder => Directory.GetFiles(TestPaths.Repo(folder), "*.yaml", SearchOption.AllDirectories))
            .Select(Relative).Order(StringComparer.Ordinal)];

    [Fact]
    public void ShippedSchemas_EqualFreshlyGeneratedOnes()
    {
        Assert.True(File.ReadAllText(TestPaths.Repo("docs/schemas/rules.schema.json")) == BuiltIn.GetRuleFileSchema(),
            "docs/schemas/rules.schema.json is out of date: run 'security-guarantees schema --out docs/schemas'");
        Assert.True(File.ReadAllText(TestPaths.Repo("docs/schemas/scenario.schema.json")) == BuiltIn.GetScenarioFileSchema(),
            "docs/schemas/scenario.schema.json is out of date: run 'security-guarantees schema --out docs/schemas'");
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void EveryShippedRuleFile_ReferencesAndValidatesAgainstTheRuleSchema(string file) =>
        AssertReferencesAndValidates(file, "rules.schema.json", BuiltIn.GetRuleFileSchema());

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void EveryShippedScenarioFile_ReferencesAndValidatesAgainstTheScenarioSchema(string file) =>
        AssertReferencesAndValidates(file, "scenario.schema.json", BuiltIn.GetScenarioFileSchema());

    [Fact]
    public void ScenarioSchema_DescribesTheFieldsOfEachType()
    {
        var schema = JsonNode.Parse(BuiltIn.GetScenarioFileSchema())!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        var proposal = schema["$defs"]!["fact-Proposal"]!;
        Assert.False((bool)proposal["additionalProperties"]!);
        Assert.Equal("[\"id\"]", proposal["required"]!.ToJsonString());
        Assert.Contains("\"partial-ceasefire\"", proposal["properties"]!["kind"]!["enum"]!.ToJsonString());
        Assert.Equal("{\"anyOf\":[{\"$ref\":\"#/$defs/date\"},{\"type\":\"null\"}]}", proposal["properties"]!["ends"]!.ToJsonString());
        Assert.Equal("[\"boolean\",\"null\"]", proposal["properties"]!["mutual"]!["type"]!.ToJsonString());
        Assert.Equal("array", (string?)proposal["properties"]!["proposedBy"]!["type"]![0]);
        Assert.Equal("date", (string?)schema["$defs"]!["date"]!["format"]);
        Assert.Null(schema["$defs"]!["facts"]!["properties"]!["Condition"]);
    }

    [Fact]
    public void CustomFactTypes_AppearWithTheirFieldTypesKeysAndEnumNames()
    {
        var schema = JsonNode.Parse(Custom.GetScenarioFileSchema())!;
        var aid = schema["$defs"]!["fact-Aid"]!;
        Assert.Equal("[\"donor\",\"tranche\"]", aid["required"]!.ToJsonString());
        Assert.Equal("\"integer\"", aid["properties"]!["tranche"]!["type"]!.ToJsonString());
        Assert.Equal("[\"number\",\"null\"]", aid["properties"]!["amount"]!["type"]!.ToJsonString());
        Assert.Equal("[\"low\",\"very-high\",null]", aid["properties"]!["level"]!["enum"]!.ToJsonString());
        Assert.NotNull(schema["$defs"]!["fact-SanctionPackage"]!["properties"]!["targets"]);
        Assert.Equal("[\"donor\",\"tranche\"]", schema["$defs"]!["key-Aid"]!["properties"]!.AsObject().Select(p => p.Key).Aggregate("[", (a, k) => a + (a == "[" ? "" : ",") + $"\"{k}\"") + "]");

        var rules = JsonNode.Parse(Custom.GetRuleFileSchema())!;
        Assert.Contains("\"Aid\"", rules["$defs"]!["element"]!["oneOf"]![0]!["properties"]!["fact"]!["enum"]!.ToJsonString());
        Assert.NotNull(rules["$defs"]!["insert-Aid"]);
    }

    [Fact]
    public void CustomScenario_ValidatesAndItsMistakesAreCaught()
    {
        var schema = Custom.GetScenarioFileSchema();
        const string Valid = "scenario: aid\nasOf: 2025-05-30\nfacts:\n  Aid:\n    - { donor: NO, tranche: 3, level: very-high, amount: 1.5 }\n  SanctionPackage:\n    - { issuer: EU, number: 17, adopted: 2025-05-20, targets: [RU] }\n";
        Assert.Empty(SchemaValidator.Errors(schema, Valid));
        Custom.ParseScenario("aid.yaml", Valid); // the loader agrees

        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("tranche: 3", "tranche: three", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("tranche: 3, ", "", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("level: very-high", "level: medium", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("amount: 1.5", "amout: 1.5", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("adopted: 2025-05-20", "adopted: 20 May", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("  Aid:", "  Condition:", StringComparison.Ordinal)));
    }

    [Fact]
    public void ScenarioSchema_ChecksTimelinesAndExpectations()
    {
        var schema = BuiltIn.GetScenarioFileSchema();
        const string Valid = """
            scenario: s
            asOf: 2025-03-11
            facts:
              Proposal:
                - { id: p, kind: ceasefire }
            timeline:
              - on: 2025-03-12
                note: a step
                retract: { Proposal: [{ id: p }] }
                insert: { Party: [{ id: RU }] }
                expect:
                  conditions: [a, { id: b, subject: p, parties: [RU] }]
                  absent: { nextSteps: [c] }
            expect:
              nextSteps: { id: respond, actor: RU }
              only: true
            """;
        Assert.Empty(SchemaValidator.Errors(schema, Valid.Replace("nextSteps: { id: respond, actor: RU }", "nextSteps: [{ id: respond, actor: RU }]", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid)); // a single map is not a list
        var fixedValid = Valid.Replace("nextSteps: { id: respond, actor: RU }", "nextSteps: respond", StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.Errors(schema, fixedValid));
        Assert.NotEmpty(SchemaValidator.Errors(schema, fixedValid.Replace("retract: { Proposal: [{ id: p }] }", "retract: { Proposal: [{ id: p, kind: truce }] }", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, fixedValid.Replace("- on: 2025-03-12", "- when: 2025-03-12", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, fixedValid.Replace("only: true", "only: sometimes", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuleSchema_ChecksElementsAndActions()
    {
        var schema = Custom.GetRuleFileSchema();
        const string Valid = """
            version: 1
            ruleset: r
            rules:
              - id: a
                priority: 5
                when:
                  - fact: Aid
                    as: a
                    where: tranche > 2
                  - not: { fact: Condition, where: id == "x" }
                  - any: [{ fact: Today }, { exists: { fact: Party } }]
                  - each: a.donor
                    as: d
                  - count: Aid
                    atLeast: 2
                then:
                  - condition: x
                    subject: "{a.donor}"
                    parties: [RU]
                    severity: warning
                  - nextStep: y
                    priority: 3
                  - insert: { Aid: { donor: "{a.donor}", tranche: 4, level: low } }
            """;
        Assert.Empty(SchemaValidator.Errors(schema, Valid));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("- fact: Aid\n", "- fact: Nope\n", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("atLeast: 2", "atLeast: 2\n        having: n > 1", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("severity: warning", "severity: fatal", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("level: low", "level: medium", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("insert: { Aid:", "insert: { Condition:", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("        as: d\n", "", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Errors(schema, Valid.Replace("priority: 5", "priority: 5\n    owner: me", StringComparison.Ordinal)));
    }

    [Fact]
    public void YamlToJson_KeepsNorwayAString()
    {
        var json = YamlJson.Convert("a: NO\nb: 30\nc: 2025-03-12\nd: \"true\"\ne: true\nf: ~\ng: '12'\nh: yes\n")!;
        Assert.Equal("{\"a\":\"NO\",\"b\":30,\"c\":\"2025-03-12\",\"d\":\"true\",\"e\":true,\"f\":null,\"g\":\"12\",\"h\":\"yes\"}", json.ToJsonString());
    }

    [Fact]
    public void SchemaCommand_WritesBothFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sg-schema-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            Assert.Equal(0, CliApplication.Run(["schema", "--out", folder], stdout, stderr));
            Assert.Equal("", stderr.ToString());
            Assert.Equal(BuiltIn.GetRuleFileSchema(), File.ReadAllText(Path.Combine(folder, "rules.schema.json")));
            Assert.Equal(BuiltIn.GetScenarioFileSchema(), File.ReadAllText(Path.Combine(folder, "scenario.schema.json")));
            Assert.Equal($"{Path.Combine(folder, "rules.schema.json")}\n{Path.Combine(folder, "scenario.schema.json")}\n", stdout.ToString());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void AssertReferencesAndValidates(string file, string schemaName, string schema)
    {
        var path = TestPaths.Repo(file);
        var text = File.ReadAllText(path);
        var first = text.Split('\n')[0].TrimEnd('\r');
        const string Prefix = "# yaml-language-server: $schema=";
        Assert.StartsWith(Prefix, first);
        var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, first[Prefix.Length..]));
        Assert.Equal(Path.GetFullPath(TestPaths.Repo(Path.Combine("docs", "schemas", schemaName))), referenced);
        var errors = SchemaValidator.Errors(schema, text);
        Assert.True(errors.Count == 0, $"{file} does not validate against {schemaName}:\n{string.Join("\n", errors.Take(20))}");
    }

    private static string Relative(string path) => Path.GetRelativePath(TestPaths.RepositoryRoot, path).Replace('\\', '/');
}
