using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

/// <summary><c>POST /v1/completion</c>: the language server's completion (the library's authoring service), for the playground.</summary>
public sealed class CompletionEndpointTests(BuiltInServer server) : IClassFixture<BuiltInServer>
{
    private static string Body(string kind, string text, int line, int column, string? rulesFile = null, string? rules = null) =>
        JsonSerializer.Serialize(new { kind, text, line, column, rulesFile, rules });

    private async Task<List<(string Label, string Kind, string? Detail)>> Items(string body)
    {
        var response = await server.Host.PostAsync("/v1/completion", ServerHost.Json(body));
        Assert.Equal(200, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("label").GetString()!, i.GetProperty("kind").GetString()!, i.GetProperty("detail").GetString()))];
    }

    [Fact]
    public async Task InsideAWhere_AfterAnEnumComparison_ProposesTheEnumsValues()
    {
        const string Rules = "version: 1\nruleset: mine\nrules:\n  - id: r\n    when:\n      - fact: Position\n        where: stance == \"\n";
        var items = await Items(Body("rules", Rules, 7, 27));

        Assert.True(items.Count > 0, "no items");
        Assert.Equal(["accepted", "conditional", "counter-proposed", "ignored", "pending", "rejected"],
            items.Where(i => i.Kind == "enum-value").Select(i => i.Label).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnderFacts_ProposesTheFactTypes_AndThoseTheEditedRulesDeclare()
    {
        const string Scenario = "scenario: s\nfacts:\n  \n";
        const string Declarations = "version: 1\ntypes:\n  SanctionPackage:\n    description: A sanctions package\n    fields: { id: string }\n";

        var plain = await Items(Body("scenario", Scenario, 3, 3));
        var declared = await Items(Body("scenario", Scenario, 3, 3, rulesFile: "mine.yaml", rules: Declarations));

        Assert.Contains(plain, i => i.Label == "Position" && i.Kind == "fact-type");
        Assert.DoesNotContain(plain, i => i.Label == "SanctionPackage");
        Assert.Contains(declared, i => i.Label == "SanctionPackage" && i.Kind == "fact-type");
    }

    [Fact]
    public async Task AMalformedRequest_Is400Problem()
    {
        var response = await server.Host.PostAsync("/v1/completion", ServerHost.Json("{\"kind\":\"rules\",\"text\":\"x\",\"line\":0,\"column\":1}"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
