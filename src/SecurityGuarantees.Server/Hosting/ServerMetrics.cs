using System.Globalization;
using System.Text;
using SecurityGuarantees.DependencyInjection;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>
/// The counters behind <c>GET /metrics</c>, kept per server (not process-wide), written in the Prometheus text format:
/// evaluations by outcome, a duration histogram, failures and rule reloads.
/// </summary>
internal sealed class ServerMetrics
{
    private static readonly double[] BucketBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly string[] Outcomes = ["ok", "invalid", "firing_limit", "fault", "timeout"];

    private readonly Lock _gate = new();
    private readonly long[] _buckets = new long[BucketBounds.Length];
    private readonly Dictionary<string, long> _byOutcome = Outcomes.ToDictionary(o => o, _ => 0L, StringComparer.Ordinal);
    private long _count;
    private double _sum;

    /// <summary>Records one evaluation request: its outcome and, for evaluations that ran, its duration.</summary>
    public void Record(string outcome, TimeSpan? duration)
    {
        lock (_gate)
        {
            _byOutcome[outcome]++;
            if (duration is { } elapsed)
            {
                var seconds = elapsed.TotalSeconds;
                _count++;
                _sum += seconds;
                for (var i = 0; i < BucketBounds.Length; i++)
                {
                    if (seconds <= BucketBounds[i])
                    {
                        _buckets[i]++;
                    }
                }
            }
        }
    }

    public string ToPrometheusText(IRuleReloadStatus reloads)
    {
        var text = new StringBuilder();
        lock (_gate)
        {
            text.Append("# HELP securityguarantees_evaluations_total Evaluation requests (evaluate, explain, why-not, timeline) by outcome.\n");
            text.Append("# TYPE securityguarantees_evaluations_total counter\n");
            foreach (var outcome in Outcomes)
            {
                text.Append(Invariant($"securityguarantees_evaluations_total{{outcome=\"{outcome}\"}} {_byOutcome[outcome]}\n"));
            }

            text.Append("# HELP securityguarantees_evaluation_failures_total Evaluation requests that did not succeed (invalid input, firing limit, fault, timeout).\n");
            text.Append("# TYPE securityguarantees_evaluation_failures_total counter\n");
            text.Append(Invariant($"securityguarantees_evaluation_failures_total {_byOutcome.Where(p => p.Key != "ok").Sum(p => p.Value)}\n"));
            text.Append("# HELP securityguarantees_evaluation_duration_seconds Time spent evaluating (after parsing the body).\n");
            text.Append("# TYPE securityguarantees_evaluation_duration_seconds histogram\n");
            for (var i = 0; i < BucketBounds.Length; i++)
            {
                text.Append(Invariant($"securityguarantees_evaluation_duration_seconds_bucket{{le=\"{BucketBounds[i]}\"}} {_buckets[i]}\n"));
            }

            text.Append(Invariant($"securityguarantees_evaluation_duration_seconds_bucket{{le=\"+Inf\"}} {_count}\n"));
            text.Append(Invariant($"securityguarantees_evaluation_duration_seconds_sum {_sum:R}\n"));
            text.Append(Invariant($"securityguarantees_evaluation_duration_seconds_count {_count}\n"));
        }

        text.Append("# HELP securityguarantees_rule_reloads_total Rule reloads under --watch by result.\n");
        text.Append("# TYPE securityguarantees_rule_reloads_total counter\n");
        text.Append(Invariant($"securityguarantees_rule_reloads_total{{result=\"succeeded\"}} {reloads.SucceededReloads}\n"));
        text.Append(Invariant($"securityguarantees_rule_reloads_total{{result=\"failed\"}} {reloads.FailedReloads}\n"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
