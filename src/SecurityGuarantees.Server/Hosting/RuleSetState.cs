using Microsoft.AspNetCore.Http;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>
/// The rules a request runs on: the engine in use when the request asks (read once, so one request sees one rule set,
/// whose hash goes into the <c>SecurityGuarantees-RuleSet</c> header), or why there is none.
/// </summary>
internal sealed class RuleSetState(IScenarioEngineAccessor accessor, IRuleReloadStatus status)
{
    public const string HeaderName = "SecurityGuarantees-RuleSet";

    private static readonly object EngineKey = new();

    public IRuleReloadStatus Status { get; } = status;

    /// <summary>The current engine, or the load failure while no valid rules are loaded.</summary>
    public bool TryGetEngine(out ScenarioEngine engine, out RuleLoadException? failure)
    {
        try
        {
            engine = accessor.Current;
            failure = null;
            return true;
        }
        catch (RuleLoadException e)
        {
            engine = null!;
            failure = e;
            return false;
        }
    }

    /// <summary>The engine for this request: the one the request already used, or the current one (remembered for the header).</summary>
    public bool TryGetEngine(HttpContext context, out ScenarioEngine engine, out IResult? unavailable)
    {
        if (context.Items[EngineKey] is ScenarioEngine used)
        {
            engine = used;
            unavailable = null;
            return true;
        }

        if (TryGetEngine(out engine, out var failure))
        {
            context.Items[EngineKey] = engine;
            unavailable = null;
            return true;
        }

        unavailable = ProblemResponses.NoRules(failure!);
        return false;
    }

    /// <summary>The hash for the response header: of the engine the request used, else of the current one, else <c>none</c>.</summary>
    public string HeaderValue(HttpContext context) =>
        context.Items[EngineKey] is ScenarioEngine used ? used.RuleSetHash
        : TryGetEngine(out var engine, out _) ? engine.RuleSetHash
        : "none";
}
