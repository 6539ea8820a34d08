using Microsoft.Extensions.Logging;
using SecurityGuarantees.Domain;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Tests.DependencyInjection;

namespace SecurityGuarantees.Tests.Evaluation;

/// <summary>A scenario built in code without asOf is evaluated at the engine's TimeProvider date, and a log line says so.</summary>
public sealed class AsOfDefaultTests
{
    private static readonly Proposal Ceasefire = new()
    {
        Id = "ceasefire-30d", Kind = ProposalKind.Ceasefire, Mutual = true, ProposedBy = ["US"], Addressees = ["UA", "RU"],
    };

    [Fact]
    public void CodeBuiltScenario_WithoutAsOf_TakesTheTimeProviderDate_AndLogsIt()
    {
        using var logs = new TestLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var engine = new ScenarioEngineBuilder()
            .WithTimeProvider(new FixedTimeProvider(new DateTimeOffset(2025, 3, 12, 23, 30, 0, TimeSpan.Zero)))
            .WithLoggerFactory(factory)
            .Build();
        var scenario = Scenario.Create("jeddah-in-code", [
            Ceasefire,
            new Position { Proposal = "ceasefire-30d", Party = "UA", Stance = Stance.Accepted },
            new Position { Proposal = "ceasefire-30d", Party = "RU", Stance = Stance.Pending },
        ]);

        var result = engine.Evaluate(scenario);

        Assert.Equal(new DateOnly(2025, 3, 12), result.AsOf);
        Assert.Contains(result.Conditions, c => c.Id == "ceasefire-pending" && c.Subject == "ceasefire-30d");
        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "AsOfFromTimeProvider");
        Assert.Equal((12, LogLevel.Information), (entry.EventId.Id, entry.Level));
        Assert.Equal("Scenario jeddah-in-code has no asOf: evaluating as of 2025-03-12, today's UTC date from the engine's TimeProvider", entry.Message);
    }

    [Fact]
    public void AnAsOf_InTheScenarioOrTheOptions_LogsNothingAboutTheClock()
    {
        using var logs = new TestLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var engine = new ScenarioEngineBuilder().WithLoggerFactory(factory).Build();

        var dated = engine.Evaluate(Scenario.Create("dated", [Ceasefire], asOf: new DateOnly(2025, 3, 12)));
        var overridden = engine.Evaluate(Scenario.Create("undated", [Ceasefire]), new EvaluationOptions { AsOf = new DateOnly(2025, 4, 1) });

        Assert.Equal(new DateOnly(2025, 3, 12), dated.AsOf);
        Assert.Equal(new DateOnly(2025, 4, 1), overridden.AsOf);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Name == "AsOfFromTimeProvider");
    }
}
