using System.Text.Json;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Api;

public sealed class OperationsEndpointTests
{
    private static async Task<JsonElement> Health(ServerHost host, int expectedStatus)
    {
        var response = await host.Client.GetAsync("/healthz");
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<string> WaitForRuleSet(ServerHost host, Func<string, bool> until)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await host.Client.GetAsync("/healthz");
            var hash = response.Headers.GetValues("SecurityGuarantees-RuleSet").Single();
            if (until(hash))
            {
                return hash;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the rule set did not change within 10 s");
    }

    [Fact]
    public async Task Healthz_WithValidRules_Is200WithTheHash()
    {
        await using var host = await ServerHost.StartAsync();

        var health = await Health(host, 200);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(new ScenarioEngineBuilder().Build().RuleSetHash, health.GetProperty("ruleSet").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastReload").ValueKind);
    }

    [Fact]
    public async Task Watch_RewritingARuleFile_SwitchesTheHash_AndAFailedReloadKeepsTheOldRules()
    {
        using var rules = new TempRules(TempRules.ReadyRule);
        await using var host = await ServerHost.StartAsync(new ServerOptions { RulePaths = [rules.Folder], Watch = true, ReloadDelay = TimeSpan.FromMilliseconds(100) });
        var first = (await Health(host, 200)).GetProperty("ruleSet").GetString()!;
        Assert.True((await Health(host, 200)).GetProperty("watching").GetBoolean());

        rules.Write(TempRules.ReadyRule.Replace("A proposal is on the table", "A proposal was made", StringComparison.Ordinal));
        var second = await WaitForRuleSet(host, hash => hash != first);

        var health = await Health(host, 200);
        Assert.Equal(second, health.GetProperty("ruleSet").GetString());
        Assert.True(health.GetProperty("lastReload").GetProperty("succeeded").GetBoolean());
        var listed = JsonDocument.Parse(await host.Client.GetStringAsync("/v1/rules")).RootElement;
        Assert.Equal("A proposal was made", listed.GetProperty("rules")[0].GetProperty("title").GetString());

        rules.Write(TempRules.ReadyRule.Replace("fact: Proposal", "fact: Proposl", StringComparison.Ordinal));
        for (var i = 0; i < 200 && (await Health(host, 200)).GetProperty("lastReload").GetProperty("succeeded").GetBoolean(); i++)
        {
            await Task.Delay(50);
        }

        health = await Health(host, 200);
        Assert.False(health.GetProperty("lastReload").GetProperty("succeeded").GetBoolean());
        Assert.Contains("SG0302", health.GetProperty("lastReload").GetProperty("diagnostics")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(second, health.GetProperty("ruleSet").GetString());
        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("securityguarantees_rule_reloads_total{result=\"succeeded\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_rule_reloads_total{result=\"failed\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WhileNoValidRulesAreLoaded_Is503_UntilTheWatchedFileIsFixed()
    {
        using var rules = new TempRules(TempRules.ReadyRule.Replace("fact: Proposal", "fact: Proposl", StringComparison.Ordinal));
        await using var host = await ServerHost.StartAsync(new ServerOptions { RulePaths = [rules.Folder], Watch = true, ReloadDelay = TimeSpan.FromMilliseconds(100) });

        var health = await Health(host, 503);
        Assert.Equal("unavailable", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("lastReload").GetProperty("succeeded").GetBoolean());
        var evaluate = await host.PostAsync("/v1/evaluate", ServerHost.Yaml(TempRules.Scenario));
        Assert.Equal(503, (int)evaluate.StatusCode);
        Assert.Contains("\"code\":\"SG0906\"", await evaluate.Content.ReadAsStringAsync());
        Assert.Equal("none", evaluate.Headers.GetValues("SecurityGuarantees-RuleSet").Single());

        rules.Write(TempRules.ReadyRule);
        var hash = await WaitForRuleSet(host, h => h != "none");

        Assert.Equal(hash, (await Health(host, 200)).GetProperty("ruleSet").GetString());
        Assert.Equal(200, (int)(await host.PostAsync("/v1/evaluate", ServerHost.Yaml(TempRules.Scenario))).StatusCode);
    }

    [Fact]
    public async Task Metrics_CountEvaluationsFailuresAndDurations_InPrometheusText()
    {
        await using var host = await ServerHost.StartAsync();
        await host.PostAsync("/v1/evaluate", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));
        await host.PostAsync("/v1/evaluate", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));
        await host.PostAsync("/v1/evaluate", ServerHost.Yaml("scenario: x\nfacts:\n  Nope: []\n"));

        var response = await host.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE securityguarantees_evaluations_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_evaluations_total{outcome=\"ok\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_evaluations_total{outcome=\"invalid\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_evaluation_failures_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE securityguarantees_evaluation_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_evaluation_duration_seconds_bucket{le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_evaluation_duration_seconds_count 2\n", text, StringComparison.Ordinal);
        Assert.Contains("securityguarantees_rule_reloads_total{result=\"succeeded\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionLog_OneLinePerEvaluation_WithHashesAndConclusions_ButNotTheBody()
    {
        var folder = Directory.CreateTempSubdirectory("sg-decisions-");
        try
        {
            var log = Path.Combine(folder.FullName, "decisions.jsonl");
            string ruleSet;
            await using (var host = await ServerHost.StartAsync(new ServerOptions { DecisionLogPath = log }))
            {
                var response = await host.PostAsync("/v1/evaluate", ServerHost.Yaml(await File.ReadAllTextAsync(Repo.ParisE5)));
                ruleSet = response.Headers.GetValues("SecurityGuarantees-RuleSet").Single();
                await host.PostAsync("/v1/evaluate", ServerHost.Yaml(TempRules.Scenario));
            }

            var lines = await File.ReadAllLinesAsync(log);
            Assert.Equal(2, lines.Length);
            using var first = JsonDocument.Parse(lines[0]);
            Assert.Equal(["time", "endpoint", "scenario", "inputHash", "ruleSet", "conditions", "nextSteps", "durationMs"],
                first.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(ruleSet, first.RootElement.GetProperty("ruleSet").GetString());
            Assert.Equal("paris-e5-2025-03-12", first.RootElement.GetProperty("scenario").GetString());
            Assert.Contains(first.RootElement.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("id").GetString() == "ceasefire-pending");
            Assert.DoesNotContain("Jeddah", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
