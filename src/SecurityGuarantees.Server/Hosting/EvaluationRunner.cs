using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Server.Contracts;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>
/// Runs one evaluation-like request under the time limit and turns its outcome into a response: the JSON the work
/// wrote (200), the firing limit or a rule fault (422, with the rules involved), or the timeout (503, cancelled).
/// </summary>
internal sealed class EvaluationRunner(ServerOptions options, ServerMetrics metrics)
{
    public const string JsonContentType = "application/json";

    public IResult Run(HttpContext context, Func<CancellationToken, string> work)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(options.EvaluationTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var json = work(limit.Token);
            metrics.Record("ok", Stopwatch.GetElapsedTime(started));
            return TypedResults.Text(json, JsonContentType, new UTF8Encoding(false), StatusCodes.Status200OK);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            metrics.Record("timeout", Stopwatch.GetElapsedTime(started));
            var seconds = options.EvaluationTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return ProblemResponses.Create(StatusCodes.Status503ServiceUnavailable, ServerCodes.Timeout, "Evaluation timed out",
                $"the evaluation took longer than the time limit of {seconds} s and was cancelled; make the scenario smaller or ask the operator for a higher limit (--timeout)");
        }
        catch (EvaluationException e)
        {
            var firingLimit = e.Code == "SG0501";
            metrics.Record(firingLimit ? "firing_limit" : "fault", Stopwatch.GetElapsedTime(started));
            return ProblemResponses.Create(StatusCodes.Status422UnprocessableEntity, e.Code,
                firingLimit ? "Firing limit reached" : "A rule faulted during evaluation", e.Message,
                [new RequestDiagnostic(0, 0, 0, 0, "error", e.Code, e.Message, firingLimit ? "the rules involved derive facts that make each other fire again: see 'rules'" : null)],
                e.Rules);
        }
    }

    /// <summary>Parses the scenario text, or answers 400 with its diagnostics.</summary>
    public bool TryParse<T>(Func<T> parse, string text, out T value, out IResult? error)
    {
        try
        {
            value = parse();
            error = null;
            return true;
        }
        catch (RuleLoadException e)
        {
            metrics.Record("invalid", null);
            value = default!;
            error = ProblemResponses.InvalidBody(e.Diagnostics, text);
            return false;
        }
    }

    /// <summary>Parses <c>asOf=yyyy-mm-dd</c>.</summary>
    public static bool TryParseAsOf(string? text, out DateOnly? asOf, out IResult? error)
    {
        asOf = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            asOf = date;
            return true;
        }

        error = ProblemResponses.InvalidQuery($"asOf must be a date written yyyy-mm-dd, not '{text}'", "for example ?asOf=2025-03-12");
        return false;
    }
}
