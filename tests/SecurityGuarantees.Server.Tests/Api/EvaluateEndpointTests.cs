using System.Text;
using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class EvaluateEndpointTests(BuiltInServer server) : IClassFixture<BuiltInServer>
{
    private const string JeddahYaml = """
        scenario: jeddah-test
        asOf: 2025-03-12
        facts:
          Proposal:
            - { id: ceasefire-30d, kind: ceasefire, mutual: true, title: US-backed 30-day ceasefire, proposedBy: [US] }
          Position:
            - { proposal: ceasefire-30d, party: UA, stance: accepted }
            - { proposal: ceasefire-30d, party: RU, stance: pending }
        """;

    private const string JeddahJson = """
        {
          "scenario": "jeddah-test",
          "asOf": "2025-03-12",
          "facts": {
            "Proposal": [{ "id": "ceasefire-30d", "kind": "ceasefire", "mutual": true, "title": "US-backed 30-day ceasefire", "proposedBy": ["US"] }],
            "Position": [
              { "proposal": "ceasefire-30d", "party": "UA", "stance": "accepted" },
              { "proposal": "ceasefire-30d", "party": "RU", "stance": "pending" }
            ]
          }
        }
        """;

    [Theory]
    [InlineData("2025-03-12-paris-e5.yaml")]
    [InlineData("2025-11-24-28-point-plan.yaml")]
    [InlineData("2026-01-06-paris-declaration.yaml")]
    public async Task Evaluate_ExampleScenario_IsByteEqualToTheCliJson(string file)
    {
        var path = Repo.Path("examples/scenarios/" + file);
        var response = await server.Host.PostAsync("/v1/evaluate", ServerHost.Yaml(await File.ReadAllTextAsync(path)));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CliRun.Stdout("evaluate", path, "--format", "json"), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Evaluate_AsOfQuery_IsByteEqualToTheCliWithAsOf()
    {
        var response = await server.Host.PostAsync("/v1/evaluate?asOf=2025-05-01", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(CliRun.Stdout("evaluate", Repo.ParisE5, "--format", "json", "--as-of", "2025-05-01"), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Evaluate_TheSameScenarioAsJson_GivesTheSameBytesAsYaml()
    {
        var yaml = await (await server.Host.PostAsync("/v1/evaluate", ServerHost.Yaml(JeddahYaml))).Content.ReadAsStringAsync();
        var json = await server.Host.PostAsync("/v1/evaluate", ServerHost.Json(JeddahJson));

        Assert.Equal(200, (int)json.StatusCode);
        Assert.Equal(yaml, await json.Content.ReadAsStringAsync());
        Assert.Contains("\"id\":\"ceasefire-pending\",\"subject\":\"ceasefire-30d\"", yaml);
    }

    [Fact]
    public async Task Evaluate_MisspelledField_Is400ProblemWithTheLineAndColumnInTheBody()
    {
        var body = JeddahYaml.Replace("stance: pending", "stanse: pending", StringComparison.Ordinal);

        var response = await server.Host.PostAsync("/v1/evaluate", ServerHost.Yaml(body));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var diagnostic = Assert.Single(problem.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SG0202", diagnostic.GetProperty("code").GetString());
        var column = body.Split('\n')[7].IndexOf("stanse", StringComparison.Ordinal) + 1;
        Assert.Equal(8, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(column, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(8, diagnostic.GetProperty("endLine").GetInt32());
        Assert.Equal(column + "stanse".Length, diagnostic.GetProperty("endColumn").GetInt32());
        Assert.Equal("did you mean 'stance'?", diagnostic.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Evaluate_ErrorInAJsonBody_IsPositionedInTheJsonText()
    {
        var body = JeddahJson.Replace("\"mutual\": true", "\"mutuel\": true", StringComparison.Ordinal);

        var response = await server.Host.PostAsync("/v1/evaluate", ServerHost.Json(body));

        Assert.Equal(400, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostic = Assert.Single(problem.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(5, diagnostic.GetProperty("line").GetInt32());
        var line = body.Split('\n')[4];
        Assert.Equal(line.IndexOf("\"mutuel\"", StringComparison.Ordinal) + 1, diagnostic.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Evaluate_MalformedAsOf_Is400Problem()
    {
        var response = await server.Host.PostAsync("/v1/evaluate?asOf=12/03/2025", ServerHost.Yaml(JeddahYaml));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"code\":\"SG0902\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluate_AnUnsupportedMediaType_Is415Problem()
    {
        var response = await server.Host.PostAsync("/v1/evaluate", new StringContent(JeddahYaml, Encoding.UTF8, "application/xml"));

        Assert.Equal(415, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Timeline_ExampleTimeline_IsByteEqualToTheCliJson()
    {
        var path = Repo.Path("examples/timelines/2025-ceasefire.yaml");

        var response = await server.Host.PostAsync("/v1/timeline", ServerHost.Yaml(await File.ReadAllTextAsync(path)));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(CliRun.Stdout("timeline", path, "--format", "json"), await response.Content.ReadAsByteArrayAsync());
    }
}
