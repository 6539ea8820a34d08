using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.Evaluation;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.DependencyInjection;

public sealed class SecurityGuaranteesServiceCollectionExtensionsTests
{
    private const string CustomRule = """
        ruleset: custom
        rules:
          - id: custom-always
            when:
              - fact: Today
                as: today
            then:
              - condition: custom-holds
                text: "always"
        """;

    private static string ParisE5 => TestPaths.Repo(Path.Combine("examples", "scenarios", "2025-03-12-paris-e5.yaml"));

    [Fact]
    public void AddSecurityGuarantees_CalledTwice_AddsNoDescriptorAndAppliesBothDelegates()
    {
        var services = new ServiceCollection();
        services.AddSecurityGuarantees(o => o.MaxFirings = 123);
        var count = services.Count;

        services.AddSecurityGuarantees(o => o.ValidateOnStart = false);

        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SecurityGuaranteesOptions>>().Value;
        Assert.Equal(123, options.MaxFirings);
        Assert.False(options.ValidateOnStart);
    }

    [Fact]
    public void AddSecurityGuarantees_CalledTwice_CombinesRuleSourcesOfBothCalls()
    {
        var services = new ServiceCollection()
            .AddSecurityGuarantees(o => o.AddBuiltInRules())
            .AddSecurityGuarantees(o => o.AddRuleText("custom.yaml", CustomRule));

        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ScenarioEngine>();
        Assert.Contains("custom-always", engine.RuleIds);
        Assert.Superset(new HashSet<string>(new ScenarioEngineBuilder().Build().RuleIds), new HashSet<string>(engine.RuleIds));
    }

    [Fact]
    public void AddSecurityGuarantees_RegistersNoScopedService()
    {
        // AddOptions registers the framework's IOptionsSnapshot<> as scoped for every options user; nothing else may be.
        var baseline = new ServiceCollection().AddOptions().Select(d => (d.ServiceType, d.Lifetime)).ToHashSet();
        var services = new ServiceCollection().AddSecurityGuarantees(o => o.AddBuiltInRules());

        var ours = services.Where(d => !baseline.Contains((d.ServiceType, d.Lifetime))).ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, d => Assert.NotEqual(ServiceLifetime.Scoped, d.Lifetime));
    }

    [Fact]
    public void AddSecurityGuarantees_RegistersEachServiceWithItsLifetime()
    {
        var services = new ServiceCollection().AddSecurityGuarantees();

        ServiceLifetime LifetimeOf(Type type) => Assert.Single(services, d => d.ServiceType == type).Lifetime;

        Assert.Equal(ServiceLifetime.Singleton, LifetimeOf(typeof(ScenarioEngine)));
        Assert.Equal(ServiceLifetime.Singleton, LifetimeOf(typeof(IScenarioEvaluator)));
        Assert.Equal(ServiceLifetime.Singleton, LifetimeOf(typeof(TimeProvider)));
        Assert.Equal(ServiceLifetime.Singleton, LifetimeOf(typeof(IConfigureOptions<SecurityGuaranteesOptions>)));
        Assert.Equal(ServiceLifetime.Singleton, LifetimeOf(typeof(IHostedService)));
    }

    [Fact]
    public void AddSecurityGuarantees_KeepsATimeProviderRegisteredBefore_AndUsesItForTheDefaultAsOf()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2025, 3, 14, 23, 30, 0, TimeSpan.FromHours(-3)));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddSecurityGuarantees();

        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        var result = provider.GetRequiredService<IScenarioEvaluator>().Evaluate(Scenario.Create("no-date", []));
        Assert.Equal(new DateOnly(2025, 3, 15), result.AsOf);
    }

    [Fact]
    public void Engine_IsOneSingletonAcrossResolutionsAndScopes()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var engine = provider.GetRequiredService<ScenarioEngine>();
        using var scope = provider.CreateScope();

        Assert.Same(engine, provider.GetRequiredService<ScenarioEngine>());
        Assert.Same(engine, scope.ServiceProvider.GetRequiredService<ScenarioEngine>());
        Assert.Same(provider.GetRequiredService<IScenarioEvaluator>(), scope.ServiceProvider.GetRequiredService<IScenarioEvaluator>());
    }

    [Fact]
    public void NoRuleSource_UsesTheBuiltInRuleSet()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees().BuildServiceProvider();

        Assert.Equal(new ScenarioEngineBuilder().Build().RuleIds, provider.GetRequiredService<ScenarioEngine>().RuleIds);
    }

    [Fact]
    public void ARuleSourceWithoutAddBuiltInRules_ReplacesTheBuiltInRuleSet()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees(o => o.AddRuleText("custom.yaml", CustomRule)).BuildServiceProvider();

        Assert.Equal(["custom-always"], provider.GetRequiredService<ScenarioEngine>().RuleIds);
    }

    [Fact]
    public void Evaluator_EvaluatesAScenarioFileEndToEnd()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees().BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();

        var fromPath = evaluator.Evaluate(ParisE5);
        var fromScenario = evaluator.Evaluate(evaluator.LoadScenario(ParisE5));

        var pending = Assert.Single(fromPath.Conditions, c => c.Id == "ceasefire-pending");
        Assert.Equal("jeddah-ceasefire", pending.Subject);
        Assert.Equal(["RU"], pending.Parties);
        Assert.Contains(fromPath.Conditions, c => c.Id == "credibility-gap" && c.Subject == "reassurance-force");
        Assert.Contains(fromPath.NextSteps, s => s.Id == "seek-us-backstop");
        Assert.Equal(new DateOnly(2025, 3, 12), fromPath.AsOf);
        Assert.Equal(fromPath.Conditions.Select(c => (c.Id, c.Subject)), fromScenario.Conditions.Select(c => (c.Id, c.Subject)));
    }

    [Fact]
    public void CustomFactType_RegisteredThroughOptions_IsUsableInRulesAndScenarios()
    {
        using var provider = new ServiceCollection()
            .AddSecurityGuarantees(o => o.AddFactType<SanctionPackage>().AddRuleText("sanctions.yaml", """
                ruleset: sanctions
                rules:
                  - id: eu-package
                    when:
                      - fact: SanctionPackage
                        as: s
                        where: issuer == "EU"
                    then:
                      - condition: eu-sanctions
                        subject: "{s.number}"
                """))
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();

        var scenario = evaluator.ParseScenario("s.yaml", "scenario: s\nasOf: 2025-05-30\nfacts:\n  SanctionPackage:\n    - { issuer: EU, number: 17 }\n");

        Assert.Equal("17", Assert.Single(evaluator.Evaluate(scenario).Conditions).Subject);
    }

    [Fact]
    public async Task InvalidRules_StopTheHostStartWithAllDiagnosticsInOneException()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSecurityGuarantees(o => o
            .AddRuleText("first.yaml", "ruleset: first\nrules:\n  - id: a\n    when:\n      - fact: NoSuchFact\n    then:\n      - condition: x\n")
            .AddRuleText("second.yaml", "ruleset: second\nrules:\n  - id: b\n    when:\n      - fact: Today\n        where: nosuchfield > 1\n    then:\n      - condition: y\n"));
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<RuleLoadException>(() => host.StartAsync());

        Assert.Contains(e.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.File == "first.yaml");
        Assert.Contains(e.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.File == "second.yaml");
    }

    [Fact]
    public async Task InvalidRules_WithValidateOnStartOff_StartTheHostAndFailWhenTheEngineIsResolved()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSecurityGuarantees(o =>
        {
            o.ValidateOnStart = false;
            o.AddRuleText("first.yaml", "ruleset: first\nrules:\n  - id: a\n    when:\n      - fact: NoSuchFact\n    then:\n      - condition: x\n");
        });
        using var host = builder.Build();

        await host.StartAsync();
        var e = Assert.Throws<RuleLoadException>(() => host.Services.GetRequiredService<IScenarioEvaluator>());
        await host.StopAsync();

        Assert.Contains(e.Diagnostics, d => d.Location.File == "first.yaml");
    }

    [Fact]
    public async Task ValidRules_AreCompiledWhileTheHostStarts()
    {
        var logs = new TestLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        builder.Services.AddSecurityGuarantees();
        using var host = builder.Build();

        Assert.DoesNotContain(logs.Entries, l => l.EventId.Name == "RulesLoaded");
        await host.StartAsync();
        Assert.Single(logs.Entries, l => l.EventId.Name == "RulesLoaded");
        await host.StopAsync();
    }

    [Fact]
    public void Logging_ReportsTheLoadAtInformationAndEachEvaluationAtDebug()
    {
        var logs = new TestLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSecurityGuarantees(o => o.AddBuiltInRules().AddRuleText("custom.yaml", CustomRule))
            .BuildServiceProvider();

        var result = provider.GetRequiredService<IScenarioEvaluator>().Evaluate(ParisE5);

        var loaded = Assert.Single(logs.Entries, l => l.EventId.Id == 1);
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Equal("SecurityGuarantees.ScenarioEngine", loaded.Category);
        var builtInFiles = ScenarioEngineBuilder.ReadBuiltIn().Count();
        var rules = provider.GetRequiredService<ScenarioEngine>().RuleIds.Count;
        Assert.StartsWith($"Loaded {rules} rules from {builtInFiles + 1} files in ", loaded.Message);
        Assert.Contains("custom.yaml", loaded.Message);
        Assert.Contains("builtin:rules/", loaded.Message);

        var evaluated = Assert.Single(logs.Entries, l => l.EventId.Id == 10);
        Assert.Equal(LogLevel.Debug, evaluated.Level);
        Assert.StartsWith($"Evaluated scenario {result.Scenario} as of 2025-03-12: {result.RulesFired} rule firings, {result.Conditions.Count} conditions, {result.NextSteps.Count} next steps in ", evaluated.Message);
    }

    [Fact]
    public void Logging_ReportsAFailedLoadWithEveryDiagnostic()
    {
        var logs = new TestLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSecurityGuarantees(o => o.AddRuleText("first.yaml", "ruleset: first\nrules:\n  - id: a\n    when:\n      - fact: NoSuchFact\n    then:\n      - condition: x\n"))
            .BuildServiceProvider();

        var e = Assert.Throws<RuleLoadException>(() => provider.GetRequiredService<ScenarioEngine>());

        var failed = Assert.Single(logs.Entries, l => l.EventId.Id == 2);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.All(e.Diagnostics, d => Assert.Contains(d.ToString(), failed.Message));
    }
}
