using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Telemetry;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.DependencyInjection;

/// <summary>The meter and activity source are process-wide, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    private static string ParisE5 => TestPaths.Repo(Path.Combine("examples", "scenarios", "2025-03-12-paris-e5.yaml"));

    [Fact]
    public void Metrics_CountTheEvaluationItsDurationAndItsRuleFirings()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees().BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var scenario = evaluator.LoadScenario(ParisE5);
        using var listener = Listen(out var measurements);

        var result = evaluator.Evaluate(scenario);

        var evaluation = Assert.Single(measurements, m => m.Instrument == SecurityGuaranteesTelemetry.EvaluationsCounterName);
        Assert.Equal(1.0, evaluation.Value);
        Assert.Equal("success", evaluation.Outcome);
        var duration = Assert.Single(measurements, m => m.Instrument == SecurityGuaranteesTelemetry.EvaluationDurationHistogramName);
        Assert.True(duration.Value >= 0);
        Assert.Equal("success", duration.Outcome);
        var fired = Assert.Single(measurements, m => m.Instrument == SecurityGuaranteesTelemetry.RulesFiredCounterName);
        Assert.Equal(result.RulesFired, fired.Value);
    }

    [Fact]
    public void Metrics_CountAFailedEvaluationAsAFailure()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees(o => o.MaxFirings = 1).BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var scenario = evaluator.LoadScenario(ParisE5);
        using var listener = Listen(out var measurements);

        Assert.Throws<EvaluationException>(() => evaluator.Evaluate(scenario));

        var evaluation = Assert.Single(measurements, m => m.Instrument == SecurityGuaranteesTelemetry.EvaluationsCounterName);
        Assert.Equal("failure", evaluation.Outcome);
        Assert.DoesNotContain(measurements, m => m.Instrument == SecurityGuaranteesTelemetry.RulesFiredCounterName);
    }

    [Fact]
    public void Activity_IsStartedForEachEvaluationWithTheScenarioAndRuleFirings()
    {
        using var provider = new ServiceCollection().AddSecurityGuarantees().BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SecurityGuaranteesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var result = evaluator.Evaluate(ParisE5);

        var activity = Assert.Single(stopped, a => Equals(a.GetTagItem("securityguarantees.scenario"), result.Scenario));
        Assert.Equal(SecurityGuaranteesTelemetry.EvaluateActivityName, activity.OperationName);
        Assert.Equal(result.RulesFired, activity.GetTagItem("securityguarantees.rules_fired"));
        Assert.Equal("2025-03-12", activity.GetTagItem("securityguarantees.as_of"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    private static MeterListener Listen(out ConcurrentQueue<Measurement> measurements)
    {
        var queue = new ConcurrentQueue<Measurement>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SecurityGuaranteesTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => queue.Enqueue(new Measurement(instrument.Name, value, Outcome(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => queue.Enqueue(new Measurement(instrument.Name, value, Outcome(tags))));
        listener.Start();
        measurements = queue;
        return listener;
    }

    private static string? Outcome(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "outcome")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed record Measurement(string Instrument, double Value, string? Outcome);
}
