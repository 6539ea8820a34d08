using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

/// <summary>A server whose rules declare their own fact types (examples/declared-types): evaluate, timeline, schemas, errors.</summary>
public sealed class DeclaredTypeEndpointTests : IAsyncLifetime
{
    private static readonly string Rules = Repo.Path("examples/declared-types/rules");
    private static readonly string Example = Repo.Path("examples/declared-types/2025-sanctions.yaml");

    private const string PackagesJson = """
        {
          "scenario": "packages",
          "asOf": "2025-10-22",
          "facts": {
            "Demand": [{ "id": "ru-relief", "holder": "RU", "target": "EU", "kind": "sanctions-relief" }],
            "SanctionPackage": [{ "id": "us-rosneft-lukoil", "title": "US sanctions", "imposedBy": "US", "status": "adopted", "sectors": ["energy"] }]
          }
        }
        """;

    private ServerHost _host = null!;

    public async Task InitializeAsync() => _host = await ServerHost.StartAsync(new ServerOptions { RulePaths = [Rules] });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EvaluateAndTimeline_AreByteEqualToTheCli()
    {
        var yaml = await File.ReadAllTextAsync(Example);

        var evaluate = await _host.PostAsync("/v1/evaluate", ServerHost.Yaml(yaml));
        var timeline = await _host.PostAsync("/v1/timeline", ServerHost.Yaml(yaml));

        Assert.Equal(200, (int)evaluate.StatusCode);
        Assert.Equal(CliRun.Stdout("evaluate", Example, "--rules", Rules, "--format", "json"), await evaluate.Content.ReadAsByteArrayAsync());
        Assert.Equal(200, (int)timeline.StatusCode);
        Assert.Equal(CliRun.Stdout("timeline", Example, "--rules", Rules, "--format", "json"), await timeline.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DeclaredFacts_InAJsonBody_Evaluate()
    {
        var response = await _host.PostAsync("/v1/evaluate", ServerHost.Json(PackagesJson));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("\"id\":\"relief-demanded-under-pressure\",\"subject\":\"us-rosneft-lukoil\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisspelledDeclaredEnumValue_Is400WithItsLineAndColumn()
    {
        var body = PackagesJson.Replace("\"status\": \"adopted\"", "\"status\": \"adpoted\"", StringComparison.Ordinal);

        var response = await _host.PostAsync("/v1/evaluate", ServerHost.Json(body));

        Assert.Equal(400, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostic = Assert.Single(problem.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SG0205", diagnostic.GetProperty("code").GetString());
        Assert.Equal(6, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("did you mean 'adopted'?", diagnostic.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task TheScenarioSchema_DescribesTheDeclaredTypes()
    {
        var response = await _host.Client.GetAsync("/v1/schemas/scenario");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("A SanctionPackage fact: A package of sanctions against Russia", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
