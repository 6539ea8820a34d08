using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Schemas;

/// <summary>
/// The YAML files of examples/ConsoleApp and examples/WorkerHost carry the schema line the docs promise: the worker's
/// point at docs/schemas (built-in types only); the console app brings a fact type of its own, so its schemas are
/// generated from its engine and shipped beside it.
/// </summary>
public sealed class ExampleSchemaTests
{
    private const string Prefix = "# yaml-language-server: $schema=";

    private static readonly ScenarioEngine ConsoleAppEngine = new ScenarioEngineBuilder()
        .AddBuiltInRules()
        .AddRules(TestPaths.Repo("examples/ConsoleApp/rules"))
        .AddFactType<ConsoleApp.SanctionPackage>()
        .Build();

    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    private static readonly ScenarioEngine DeclaredTypesEngine = new ScenarioEngineBuilder().AddRules(TestPaths.Repo("examples/declared-types/rules")).Build();

    [Theory]
    [InlineData("examples/WorkerHost/scenario.yaml", "docs/schemas/scenario.schema.json")]
    [InlineData("examples/WorkerHost/rules/force.yaml", "docs/schemas/rules.schema.json")]
    [InlineData("examples/ConsoleApp/scenario.yaml", "examples/ConsoleApp/schemas/scenario.schema.json")]
    [InlineData("examples/ConsoleApp/rules/sanctions.yaml", "examples/ConsoleApp/schemas/rules.schema.json")]
    [InlineData("examples/declared-types/2025-sanctions.yaml", "examples/declared-types/schemas/scenario.schema.json")]
    [InlineData("examples/declared-types/rules/sanctions.yaml", "examples/declared-types/schemas/rules.schema.json")]
    [InlineData("examples/declared-types/rules/sanctions-types.yaml", "examples/declared-types/schemas/rules.schema.json")]
    public void ExampleYaml_StartsWithTheSchemaLine_AndValidatesAgainstIt(string file, string schemaFile)
    {
        var path = TestPaths.Repo(file);
        var text = File.ReadAllText(path);
        var first = text.Split('\n')[0].TrimEnd('\r');

        Assert.StartsWith(Prefix, first);
        Assert.Equal(Path.GetFullPath(TestPaths.Repo(schemaFile)), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, first[Prefix.Length..])));
        var errors = SchemaValidator.Errors(File.ReadAllText(TestPaths.Repo(schemaFile)), text);
        Assert.True(errors.Count == 0, $"{file} does not validate against {schemaFile}:\n{string.Join("\n", errors.Take(20))}");
    }

    [Fact]
    public void ConsoleAppSchemas_EqualTheOnesItsEngineGenerates()
    {
        // After changing SanctionPackage or the built-in types: SG_WRITE_EXAMPLE_SCHEMAS=1 dotnet test --filter ExampleSchemaTests
        AssertSchemasAreCurrent(ConsoleAppEngine, "examples/ConsoleApp/schemas");
        Assert.Contains("\"SanctionPackage\"", ConsoleAppEngine.GetRuleFileSchema(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"SanctionPackage\"", BuiltIn.GetRuleFileSchema(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredTypesSchemas_EqualTheOnesItsEngineGenerates()
    {
        // The example declares its types in YAML: its schemas come from an engine that loaded them (security-guarantees
        // schema --rules examples/declared-types/rules --out examples/declared-types/schemas).
        AssertSchemasAreCurrent(DeclaredTypesEngine, "examples/declared-types/schemas");
        Assert.Contains("A SanctionPackage fact: A package of sanctions against Russia", DeclaredTypesEngine.GetScenarioFileSchema(), StringComparison.Ordinal);
    }

    /// <summary>The example's checked-in schemas equal its engine's (SG_WRITE_EXAMPLE_SCHEMAS=1 writes them).</summary>
    private static void AssertSchemasAreCurrent(ScenarioEngine engine, string relativeFolder)
    {
        var folder = TestPaths.Repo(relativeFolder);
        if (Environment.GetEnvironmentVariable("SG_WRITE_EXAMPLE_SCHEMAS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "rules.schema.json"), engine.GetRuleFileSchema());
            File.WriteAllText(Path.Combine(folder, "scenario.schema.json"), engine.GetScenarioFileSchema());
        }

        const string Hint = "run SG_WRITE_EXAMPLE_SCHEMAS=1 dotnet test tests/SecurityGuarantees.Tests --filter ExampleSchemaTests";
        Assert.True(File.ReadAllText(Path.Combine(folder, "rules.schema.json")) == engine.GetRuleFileSchema(), $"{relativeFolder}/rules.schema.json is out of date: {Hint}");
        Assert.True(File.ReadAllText(Path.Combine(folder, "scenario.schema.json")) == engine.GetScenarioFileSchema(), $"{relativeFolder}/scenario.schema.json is out of date: {Hint}");
    }
}
