using System.Diagnostics.Metrics;
using SecurityGuarantees.Telemetry;

namespace WorkerHost;

/// <summary>
/// Listens to the SecurityGuarantees meter the way an OpenTelemetry exporter or <c>dotnet-counters</c> would, and logs
/// the totals when the host stops.
/// </summary>
public sealed partial class MetricsReporter(ILogger<MetricsReporter> logger) : IHostedService, IDisposable
{
    private readonly MeterListener _listener = new();
    private long _evaluations;
    private long _rulesFired;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SecurityGuaranteesTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case "securityguarantees.evaluations":
                    Interlocked.Add(ref _evaluations, value);
                    break;
                case "securityguarantees.rules.fired":
                    Interlocked.Add(ref _rulesFired, value);
                    break;
            }
        });
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogTotals(Interlocked.Read(ref _evaluations), Interlocked.Read(ref _rulesFired));
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "metrics: securityguarantees.evaluations={Evaluations} securityguarantees.rules.fired={RulesFired}")]
    private partial void LogTotals(long evaluations, long rulesFired);
}
