using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecurityGuarantees.Telemetry;

/// <summary>The process-wide meter, instruments and activity source of the engine.</summary>
internal static class EngineInstrumentation
{
    public const string OutcomeTag = "outcome";
    public const string Success = "success";
    public const string Failure = "failure";

    private static readonly string? Version = typeof(EngineInstrumentation).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(SecurityGuaranteesTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(SecurityGuaranteesTelemetry.MeterName, Version);

    public static readonly Counter<long> Evaluations = Meter.CreateCounter<long>(
        SecurityGuaranteesTelemetry.EvaluationsCounterName, "{evaluation}", "Scenario evaluations.");

    public static readonly Histogram<double> EvaluationDuration = Meter.CreateHistogram<double>(
        SecurityGuaranteesTelemetry.EvaluationDurationHistogramName, "ms", "Duration of scenario evaluations.");

    public static readonly Counter<long> RulesFired = Meter.CreateCounter<long>(
        SecurityGuaranteesTelemetry.RulesFiredCounterName, "{firing}", "Rule firings during scenario evaluations.");

    public static void Record(string outcome, double milliseconds, int rulesFired)
    {
        var tag = new KeyValuePair<string, object?>(OutcomeTag, outcome);
        Evaluations.Add(1, tag);
        EvaluationDuration.Record(milliseconds, tag);
        if (rulesFired > 0)
        {
            RulesFired.Add(rulesFired);
        }
    }
}
