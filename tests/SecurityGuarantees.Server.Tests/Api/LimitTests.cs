using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class LimitTests
{
    [Fact]
    public async Task Evaluate_BodyOverTheLimit_Is413Problem()
    {
        await using var host = await ServerHost.StartAsync(new ServerOptions { MaxRequestBodyBytes = 1024 });
        var body = TempRules.Scenario + "# " + new string('x', 2048) + "\n";

        var response = await host.PostAsync("/v1/evaluate", ServerHost.Yaml(body));

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"SG0904\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluate_DefaultLimit_Is4MiB()
    {
        await using var host = await ServerHost.StartAsync();
        var body = TempRules.Scenario + "# " + new string('x', 4 * 1024 * 1024) + "\n";

        var response = await host.PostAsync("/v1/evaluate", ServerHost.Yaml(body));

        Assert.Equal(413, (int)response.StatusCode);
    }

    [Fact]
    public async Task Evaluate_OverTheTimeLimit_IsCancelledWith503AndTheReason()
    {
        using var rules = new TempRules(TempRules.LoopingRule);
        await using var host = await ServerHost.StartAsync(new ServerOptions
        {
            RulePaths = [rules.Folder], MaxFirings = int.MaxValue, EvaluationTimeout = TimeSpan.FromMilliseconds(300),
        });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await host.PostAsync("/v1/evaluate", ServerHost.Yaml(TempRules.Scenario));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SG0905", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("time limit of 0.3 s", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("securityguarantees_evaluations_total{outcome=\"timeout\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_FiringLimit_Is422WithTheRulesInvolved()
    {
        using var rules = new TempRules(TempRules.LoopingRule);
        await using var host = await ServerHost.StartAsync(new ServerOptions { RulePaths = [rules.Folder], MaxFirings = 50 });

        var response = await host.PostAsync("/v1/evaluate", ServerHost.Yaml(TempRules.Scenario));

        Assert.Equal(422, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SG0501", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(["self-defeating"], problem.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
    }
}
