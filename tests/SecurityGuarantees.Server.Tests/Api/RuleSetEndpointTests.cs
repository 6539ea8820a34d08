using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class RuleSetEndpointTests(BuiltInServer server) : IClassFixture<BuiltInServer>
{
    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    [Fact]
    public async Task Rules_ListsEveryRuleWithTitleFileAndLine_AndTheHash()
    {
        var response = await server.Host.Client.GetAsync("/v1/rules");

        Assert.Equal(200, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(["ruleSet", "rules"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(BuiltIn.RuleSetHash, root.GetProperty("ruleSet").GetString());
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(BuiltIn.RuleIds, rules.Select(r => r.GetProperty("id").GetString()));
        var pending = rules.Single(r => r.GetProperty("id").GetString() == "ceasefire-pending");
        Assert.Equal(["id", "title", "file", "line"], pending.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("ceasefire.yaml", pending.GetProperty("file").GetString(), StringComparison.Ordinal);
        var line = File.ReadAllLines(Repo.Path("rules/ceasefire.yaml")).ToList().FindIndex(l => l.Contains("id: ceasefire-pending", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, pending.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("/v1/graph", "mermaid")]
    [InlineData("/v1/graph?format=mermaid", "mermaid")]
    [InlineData("/v1/graph?format=dot", "dot")]
    public async Task Graph_IsTheCliGraph(string url, string format)
    {
        var response = await server.Host.Client.GetAsync(url);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(CliRun.Stdout("graph", "--format", format), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Graph_UnknownFormat_Is400Problem()
    {
        var response = await server.Host.Client.GetAsync("/v1/graph?format=svg");

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("rules", "rules.schema.json")]
    [InlineData("scenario", "scenario.schema.json")]
    public async Task Schemas_AreTheSchemasTheCliWrites(string kind, string file)
    {
        var response = await server.Host.Client.GetAsync("/v1/schemas/" + kind);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Repo.Path("docs/schemas/" + file)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        var response = await server.Host.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(200, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[]
                 {
                     "/v1/evaluate", "/v1/explain", "/v1/why-not", "/v1/timeline", "/v1/lint", "/v1/diagnostics", "/v1/rules", "/v1/graph",
                     "/v1/schemas/rules", "/v1/schemas/scenario", "/healthz", "/metrics",
                 })
        {
            Assert.Contains(path, paths);
        }

        var evaluate = document.RootElement.GetProperty("paths").GetProperty("/v1/evaluate").GetProperty("post");
        Assert.True(evaluate.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/yaml", out _));
        Assert.True(evaluate.GetProperty("responses").TryGetProperty("413", out _));
        var problem = evaluate.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json");
        Assert.Contains("ProblemBody", problem.GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ProblemBody").GetProperty("properties").TryGetProperty("diagnostics", out _));
        Assert.True(schemas.GetProperty("RequestDiagnostic").GetProperty("properties").TryGetProperty("endColumn", out _));
    }

    [Theory]
    [InlineData("GET", "/v1/rules")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("POST", "/v1/evaluate")]
    public async Task EveryResponse_CarriesTheRuleSetHeader(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = ServerHost.Yaml("scenario: broken\nfacts: [\n");
        }

        var response = await server.Host.Client.SendAsync(request);

        Assert.Equal(BuiltIn.RuleSetHash, Assert.Single(response.Headers.GetValues("SecurityGuarantees-RuleSet")));
    }
}
