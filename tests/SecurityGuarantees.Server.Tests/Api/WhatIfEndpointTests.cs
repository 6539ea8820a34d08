using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class WhatIfEndpointTests(BuiltInServer server) : IClassFixture<BuiltInServer>
{
    private const string Stance = "Position[jeddah-ceasefire/RU].stance=accepted,rejected,pending";

    [Fact]
    public async Task WhatIf_QueryDimensions_IsByteEqualToTheCliJson()
    {
        var response = await server.Host.PostAsync("/v1/whatif?vary=" + Uri.EscapeDataString(Stance), ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(CliRun.Stdout("whatif", Repo.ParisE5, "--vary", Stance, "--format", "json"), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WhatIf_AnAddressThatMatchesNoFact_Is400WithTheWhatIfCode()
    {
        var response = await server.Host.PostAsync("/v1/whatif?vary=" + Uri.EscapeDataString("Position[nowhere/RU].stance=accepted"),
            ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));

        Assert.Equal(400, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SG0802", problem.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }
}
