using System.Text;
using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class ExplainAndWhyNotEndpointTests(BuiltInServer server) : IClassFixture<BuiltInServer>
{
    /// <summary>The CLI's JSON with the scenario's path where the server says <c>request</c> (the body has no file name).</summary>
    private static string CliJson(params string[] args) =>
        CliRun.StdoutText(args).Replace(JsonEncodedText.Encode(Repo.ParisE5, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), "request", StringComparison.Ordinal);

    [Fact]
    public async Task Explain_Condition_IsTheCliJson()
    {
        var response = await server.Host.PostAsync("/v1/explain?condition=ceasefire-pending", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(CliJson("explain", Repo.ParisE5, "--condition", "ceasefire-pending", "--format", "json"), body);
        Assert.Contains("\"rule\":\"ceasefire-pending\"", body);
    }

    [Fact]
    public async Task Explain_NextStep_IsTheCliJson()
    {
        var cli = CliJson("explain", Repo.ParisE5, "--next-step", "respond-to-ceasefire", "--format", "json");

        var response = await server.Host.PostAsync("/v1/explain?nextStep=respond-to-ceasefire", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(cli, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Explain_AConditionThatDoesNotHold_Is404Problem()
    {
        var response = await server.Host.PostAsync("/v1/explain?condition=ceasefire-in-force", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("\"code\":\"SG0903\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhyNot_Rule_IsTheCliJson()
    {
        var response = await server.Host.PostAsync("/v1/why-not?rule=ceasefire-in-force", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(CliJson("why-not", Repo.ParisE5, "--rule", "ceasefire-in-force", "--format", "json"), body);
        Assert.Contains("\"fired\":false", body);
    }

    [Fact]
    public async Task WhyNot_Condition_IsTheCliJson()
    {
        var response = await server.Host.PostAsync("/v1/why-not?condition=ceasefire-in-force", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(CliJson("why-not", Repo.ParisE5, "--condition", "ceasefire-in-force", "--format", "json"), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/v1/why-not")]
    [InlineData("/v1/why-not?rule=a&condition=b")]
    [InlineData("/v1/explain?condition=a&nextStep=b")]
    public async Task ExplainOrWhyNot_WrongQuery_Is400Problem(string url)
    {
        var response = await server.Host.PostAsync(url, ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"code\":\"SG0902\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhyNot_UnknownRule_Is404Problem()
    {
        var response = await server.Host.PostAsync("/v1/why-not?rule=no-such-rule", new StringContent("scenario: x\n", Encoding.UTF8, "application/yaml"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("no loaded rule has the id 'no-such-rule'", await response.Content.ReadAsStringAsync());
    }
}
