using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Tests.DependencyInjection;

/// <summary>A fact whose <c>open</c> property blocks until the test releases it: holds an evaluation mid-way.</summary>
public sealed class Gate
{
    internal static readonly ManualResetEventSlim Entered = new();
    internal static readonly ManualResetEventSlim Release = new();

    public string Id { get; init; } = "";

    public bool Open
    {
        get
        {
            Entered.Set();
            return Release.Wait(TimeSpan.FromSeconds(30));
        }

        init => _ = value;
    }
}

/// <summary>
/// Hot reload with real files in a temporary folder. The deterministic tests call <c>ReloadNow</c>; one test lets the
/// file watcher do it, with a generous timeout.
/// </summary>
public sealed class HotReloadTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 9, 0, 0, TimeSpan.Zero);
    private const string Scenario = "scenario: s\nasOf: 2025-03-12\nfacts:\n  Proposal:\n    - { id: p1, kind: ceasefire, mutual: true, title: t }\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("sg-reload-").FullName;
    private readonly TestLoggerProvider _logs = new();

    private string RuleFile => Path.Combine(_folder, "nested", "rules.yaml");

    public HotReloadTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RuleFile)!);
        WriteRule("first-condition");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteRule(string condition) => File.WriteAllText(RuleFile, $"""
        ruleset: reload
        rules:
          - id: r
            when:
              - fact: Proposal
                as: p
            then:
              - condition: {condition}
                subject: "{"{"}p.id{"}"}"
        """);

    private ServiceProvider CreateProvider(Action<SecurityGuaranteesOptions>? configure = null) =>
        new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(Now))
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddSecurityGuarantees(o =>
            {
                o.AddRules(_folder);
                configure?.Invoke(o);
            })
            .BuildServiceProvider();

    private static string ConditionOf(IScenarioEvaluator evaluator) =>
        Assert.Single(evaluator.Evaluate(evaluator.ParseScenario("s.yaml", Scenario)).Conditions).Id;

    [Fact]
    public void ReloadNow_AfterAValidChange_SwapsTheEngineAndRecordsTheSuccess()
    {
        using var provider = CreateProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var status = provider.GetRequiredService<IRuleReloadStatus>();
        Assert.Equal("first-condition", ConditionOf(evaluator));
        Assert.Null(status.LastReload);

        WriteRule("second-condition");
        var result = provider.GetRequiredService<ScenarioEngineHolder>().ReloadNow();

        Assert.Equal("second-condition", ConditionOf(evaluator));
        Assert.Same(result, status.LastReload);
        Assert.True(result.Succeeded);
        Assert.Equal(Now, result.AttemptedAt);
        Assert.Equal(1, result.RuleCount);
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Error);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 22 && e.Message.Contains("1 rules", StringComparison.Ordinal));
    }

    [Fact]
    public void ReloadNow_WithErrors_KeepsTheOldEngine_ReportsAndLogsEveryDiagnostic()
    {
        using var provider = CreateProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        Assert.Equal("first-condition", ConditionOf(evaluator));

        File.WriteAllText(RuleFile, "ruleset: reload\nrules:\n  - id: a\n    when:\n      - fact: NoSuchFact\n    then:\n      - condition: x\n  - id: b\n    when:\n      - fact: AlsoMissing\n    then:\n      - condition: y\n");
        var result = provider.GetRequiredService<ScenarioEngineHolder>().ReloadNow();

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.RuleCount);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, d => Assert.Equal(RuleFile, d.Location.File));
        Assert.Equal("first-condition", ConditionOf(evaluator));
        Assert.Same(result, provider.GetRequiredService<IRuleReloadStatus>().LastReload);

        var failed = Assert.Single(_logs.Entries, e => e.EventId.Id == 2);
        Assert.All(errors, d => Assert.Contains(d.ToString(), failed.Message, StringComparison.Ordinal));
        var rejected = Assert.Single(_logs.Entries, e => e.EventId.Id == 23);
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.Contains("2 errors", rejected.Message, StringComparison.Ordinal);

        // Fixing the file brings the next reload through.
        WriteRule("fixed-condition");
        Assert.True(provider.GetRequiredService<ScenarioEngineHolder>().ReloadNow().Succeeded);
        Assert.Equal("fixed-condition", ConditionOf(evaluator));
    }

    [Fact]
    public async Task ReloadNow_DuringAnEvaluation_LetsThatEvaluationFinishOnTheOldEngine()
    {
        Gate.Entered.Reset();
        Gate.Release.Reset();
        File.WriteAllText(Path.Combine(_folder, "gate.yaml"), "ruleset: gate\nrules:\n  - id: gated\n    when:\n      - fact: Gate\n        where: open\n    then:\n      - condition: gate-open\n");
        using var provider = CreateProvider(o => o.AddFactType<Gate>());
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var scenario = evaluator.ParseScenario("s.yaml", Scenario + "  Gate:\n    - { id: g }\n");

        var running = Task.Run(() => evaluator.Evaluate(scenario));
        Assert.True(Gate.Entered.Wait(TimeSpan.FromSeconds(30)), "the evaluation did not reach the gate");
        WriteRule("second-condition");
        Assert.True(provider.GetRequiredService<ScenarioEngineHolder>().ReloadNow().Succeeded);
        Gate.Release.Set();
        var old = await running;

        Assert.Equal(["first-condition", "gate-open"], old.Conditions.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["gate-open", "second-condition"], evaluator.Evaluate(scenario).Conditions.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WatchRules_FirstLoadFails_KeepsWatching_AndTheAccessorGetsTheEngineOnceFixed()
    {
        File.WriteAllText(RuleFile, "ruleset: reload\nrules:\n  - id: a\n    when:\n      - fact: NoSuchFact\n    then:\n      - condition: x\n");
        using var provider = CreateProvider(o =>
        {
            o.WatchRules = true;
            o.ValidateOnStart = false;
        });
        var accessor = provider.GetRequiredService<IScenarioEngineAccessor>();
        var status = provider.GetRequiredService<IRuleReloadStatus>();

        var first = Assert.Throws<RuleLoadException>(() => accessor.Current);
        Assert.Same(first, Assert.Throws<RuleLoadException>(() => accessor.Current));
        Assert.True(status.IsWatching);
        Assert.False(status.LastReload!.Succeeded);
        Assert.Equal("SG0302", status.LastReload.Diagnostics[0].Code);

        WriteRule("fixed-condition");
        Assert.True(provider.GetRequiredService<ScenarioEngineHolder>().ReloadNow().Succeeded);

        Assert.Equal(["r"], accessor.Current.RuleIds);
        Assert.Equal(1, status.SucceededReloads);
        Assert.Equal("fixed-condition", ConditionOf(provider.GetRequiredService<IScenarioEvaluator>()));
    }

    [Fact]
    public void RuleSetHash_FollowsTheRuleTexts_NotTheirPaths()
    {
        using var provider = CreateProvider();
        var accessor = provider.GetRequiredService<IScenarioEngineAccessor>();
        var before = accessor.Current.RuleSetHash;
        var sameText = new ScenarioEngineBuilder().AddRuleText("elsewhere.yaml", File.ReadAllText(RuleFile)).Build();
        Assert.Equal(before, sameText.RuleSetHash);
        Assert.Equal(64, before.Length);

        WriteRule("second-condition");
        provider.GetRequiredService<ScenarioEngineHolder>().ReloadNow();

        Assert.NotEqual(before, accessor.Current.RuleSetHash);
        Assert.Equal(File.ReadAllText(RuleFile), Assert.Single(accessor.Current.RuleFiles).Text);
    }

    [Fact]
    public void WatchRules_Off_WatchesNothing()
    {
        using var provider = CreateProvider();
        _ = provider.GetRequiredService<ScenarioEngine>();
        var status = provider.GetRequiredService<IRuleReloadStatus>();
        Assert.False(status.IsWatching);
        Assert.Empty(status.WatchedPaths);
        Assert.Null(status.LastReload);
    }

    [Fact]
    public void WatchRules_WithOnlyBuiltInRules_WarnsThatThereIsNothingToWatch()
    {
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs))
            .AddSecurityGuarantees(o => o.WatchRules = true)
            .BuildServiceProvider();
        _ = provider.GetRequiredService<IScenarioEvaluator>().Evaluate(Scenarios.Scenario.Create("s", []));
        Assert.False(provider.GetRequiredService<IRuleReloadStatus>().IsWatching);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 21 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void AddSecurityGuarantees_RegistersTheReloadStatusAsASingleton_OncePerCall()
    {
        var services = new ServiceCollection().AddSecurityGuarantees().AddSecurityGuarantees();
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(IRuleReloadStatus)).Lifetime);
    }

    [Fact]
    public void ReloadDelay_Negative_Throws()
    {
        var options = new SecurityGuaranteesOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ReloadDelay = TimeSpan.FromMilliseconds(-1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.ReloadDelay);
    }

    [Fact]
    public void ReloadMaxWait_DefaultsToTwoSeconds_AndRefusesNegative()
    {
        var options = new SecurityGuaranteesOptions();
        Assert.Equal(TimeSpan.FromSeconds(2), options.ReloadMaxWait);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ReloadMaxWait = TimeSpan.FromMilliseconds(-1));
    }

    [Fact]
    public async Task WatchRules_AFileRewrittenEvery100ms_IsStillReloaded_AndAnInvalidVersionKeepsTheOldRules()
    {
        // Issue 12: with the default delays, writes every 100 ms used to postpone the reload for as long as they went on.
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs))
            .AddSecurityGuarantees(o =>
            {
                o.AddRules(_folder);
                o.WatchRules = true;
            })
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var status = provider.GetRequiredService<IRuleReloadStatus>();
        Assert.Equal("first-condition", ConditionOf(evaluator));

        var writing = System.Diagnostics.Stopwatch.StartNew();
        var writes = 0;
        while (status.LastReload is not { Succeeded: true } && writing.Elapsed < TimeSpan.FromSeconds(30))
        {
            WriteRule($"written-{++writes}");
            await Task.Delay(100);
        }

        Assert.True(status.LastReload?.Succeeded, $"no reload after {writes} writes in {writing.Elapsed.TotalSeconds:F1} s");
        Assert.True(writing.Elapsed < TimeSpan.FromSeconds(10), $"the first reload came after {writing.Elapsed.TotalSeconds:F1} s of writes");
        Assert.StartsWith("written-", ConditionOf(evaluator), StringComparison.Ordinal);

        // Now keep writing an invalid version: the reload reports its diagnostics and the rules in use stay.
        var before = ConditionOf(evaluator);
        var reloadsBefore = status.LastReload;
        writing.Restart();
        // (A reload may also catch the file half-written, between truncation and write: wait for one that read it whole.)
        while (status.LastReload is not { Succeeded: false } last || !last.Diagnostics.Any(d => d.Code == DiagnosticCodes.UnknownFactType))
        {
            if (writing.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            File.WriteAllText(RuleFile, $"ruleset: reload\nrules:\n  - id: r\n    when: [{{ fact: NoSuchFact }}]\n    then: [{{ condition: c{writes++} }}]\n");
            await Task.Delay(100);
        }

        var failed = status.LastReload;
        Assert.NotNull(failed);
        Assert.NotSame(reloadsBefore, failed);
        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.UnknownFactType, error.Code);
        Assert.True(writing.Elapsed < TimeSpan.FromSeconds(10), $"the invalid version was reported after {writing.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(RuleFile, error.Location.File);
        Assert.Equal(1, failed.RuleCount);
        Assert.Equal(before, ConditionOf(evaluator));
    }

    [Fact]
    public async Task WatchRules_AChangedRuleFile_IsReloadedInTheBackground()
    {
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs))
            .AddSecurityGuarantees(o =>
            {
                o.AddRules(_folder);
                o.WatchRules = true;
                o.ReloadDelay = TimeSpan.FromMilliseconds(50);
            })
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var status = provider.GetRequiredService<IRuleReloadStatus>();
        Assert.Equal("first-condition", ConditionOf(evaluator));
        Assert.True(status.IsWatching);
        Assert.Equal([_folder], status.WatchedPaths);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 20);

        WriteRule("watched-condition");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((ConditionOf(evaluator) != "watched-condition" || status.LastReload is null) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(25);
        }

        Assert.Equal("watched-condition", ConditionOf(evaluator));
        Assert.True(status.LastReload?.Succeeded);
    }
}
