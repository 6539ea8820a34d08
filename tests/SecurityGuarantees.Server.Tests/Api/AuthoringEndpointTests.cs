using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class AuthoringEndpointTests(BuiltInServer server) : IClassFixture<BuiltInServer>
{
    private const string RuleWithMisspelledField = """
        version: 1
        ruleset: mine
        rules:
          - id: pending
            when:
              - fact: Position
                where: stanse == "pending"
            then:
              - condition: something-pending
        """;

    private static string DiagnosticsBody(string kind, string text) =>
        $$"""{"kind":"{{kind}}","text":{{JsonSerializer.Serialize(text)}}}""";

    private static async Task<JsonElement[]> DiagnosticsOf(HttpResponseMessage response)
    {
        Assert.Equal(200, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public async Task Diagnostics_RuleTextWithAMisspelledField_GivesSG0202AtTheFieldWithItsEnd()
    {
        var diagnostics = await DiagnosticsOf(await server.Host.PostAsync("/v1/diagnostics", ServerHost.Json(DiagnosticsBody("rules", RuleWithMisspelledField))));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SG0202", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(7, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(16, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(7, diagnostic.GetProperty("endLine").GetInt32());
        Assert.Equal(22, diagnostic.GetProperty("endColumn").GetInt32());
        Assert.Equal("did you mean 'stance'?", diagnostic.GetProperty("hint").GetString());
        Assert.Equal(
            ["line", "column", "endLine", "endColumn", "severity", "code", "message", "hint"],
            diagnostic.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Diagnostics_ValidScenario_IsEmpty()
    {
        var text = await File.ReadAllTextAsync(Repo.ParisE5);

        Assert.Empty(await DiagnosticsOf(await server.Host.PostAsync("/v1/diagnostics", ServerHost.Json(DiagnosticsBody("scenario", text)))));
    }

    [Fact]
    public async Task Diagnostics_ScenarioWithAnUnknownFactType_IsReportedWithoutEvaluating()
    {
        const string text = "scenario: x\nasOf: 2025-03-12\nfacts:\n  Proposals:\n    - { id: p }\n";

        var diagnostic = Assert.Single(await DiagnosticsOf(await server.Host.PostAsync("/v1/diagnostics", ServerHost.Json(DiagnosticsBody("scenario", text)))));

        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(3, diagnostic.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Diagnostics_Timeline_UsesTheTimelineReader()
    {
        var text = await File.ReadAllTextAsync(Repo.Path("examples/timelines/2025-ceasefire.yaml"));

        Assert.Empty(await DiagnosticsOf(await server.Host.PostAsync("/v1/diagnostics", ServerHost.Json(DiagnosticsBody("timeline", text)))));
    }

    [Theory]
    [InlineData("{\"kind\":\"rules\",\n \"text\": oops}", 2, 10)]
    [InlineData("{\"kind\":\"poems\",\"text\":\"x\"}", 1, 1)]
    public async Task Diagnostics_BadRequestBody_Is400ProblemWithAPosition(string body, int line, int column)
    {
        var response = await server.Host.PostAsync("/v1/diagnostics", ServerHost.Json(body));

        Assert.Equal(400, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostic = Assert.Single(problem.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SG0901", diagnostic.GetProperty("code").GetString());
        Assert.Equal(line, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(column, diagnostic.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Lint_RuleFile_IsTheCliJson()
    {
        var path = Repo.Path("rules/ceasefire.yaml");

        // The CLI lints the file on its own (the test's working folder has no examples/ folders), as the server does a body.
        Assert.False(Directory.Exists("examples/scenarios"));
        var cli = CliRun.StdoutText("lint", "--rules", path, "--format", "json").Replace(path, "request", StringComparison.Ordinal);

        var response = await server.Host.PostAsync("/v1/lint", ServerHost.Yaml(await File.ReadAllTextAsync(path)));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(cli, await response.Content.ReadAsStringAsync());
        Assert.StartsWith("{\"rules\":", cli, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_RuleFileWithErrors_Is400WithItsDiagnostics()
    {
        var response = await server.Host.PostAsync("/v1/lint", ServerHost.Yaml(RuleWithMisspelledField));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"line\":7,\"column\":16", await response.Content.ReadAsStringAsync());
    }
}
