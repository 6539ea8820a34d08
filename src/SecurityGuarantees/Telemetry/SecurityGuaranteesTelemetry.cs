namespace SecurityGuarantees.Telemetry;

/// <summary>
/// Names of the <see cref="System.Diagnostics.Metrics.Meter"/>, its instruments and the
/// <see cref="System.Diagnostics.ActivitySource"/> the engine reports to, e.g. for OpenTelemetry's
/// <c>AddMeter(SecurityGuaranteesTelemetry.MeterName)</c> and <c>AddSource(SecurityGuaranteesTelemetry.ActivitySourceName)</c>.
/// </summary>
public static class SecurityGuaranteesTelemetry
{
    /// <summary>The name of the meter: <c>SecurityGuarantees</c>.</summary>
    public const string MeterName = "SecurityGuarantees";

    /// <summary>The name of the activity source: <c>SecurityGuarantees</c>.</summary>
    public const string ActivitySourceName = "SecurityGuarantees";

    /// <summary>The name of the activity started for each evaluation: <c>SecurityGuarantees.Evaluate</c>.</summary>
    public const string EvaluateActivityName = "SecurityGuarantees.Evaluate";

    /// <summary>Counter of evaluations (unit <c>{evaluation}</c>), tagged <c>outcome</c> = <c>success</c> or <c>failure</c>.</summary>
    public const string EvaluationsCounterName = "securityguarantees.evaluations";

    /// <summary>Histogram of evaluation durations in milliseconds, tagged <c>outcome</c>.</summary>
    public const string EvaluationDurationHistogramName = "securityguarantees.evaluation.duration";

    /// <summary>Counter of rule firings (unit <c>{firing}</c>), added once per successful evaluation.</summary>
    public const string RulesFiredCounterName = "securityguarantees.rules.fired";
}
