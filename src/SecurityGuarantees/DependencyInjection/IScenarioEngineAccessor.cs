using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// The engine in use right now: the first one compiled or, with <see cref="SecurityGuaranteesOptions.WatchRules"/>, the
/// one the last successful reload swapped in. For front ends that need more than <see cref="IScenarioEvaluator"/>
/// (explain, why-not, lint, the rule graph, the rule-set hash). Registered as a singleton by <c>AddSecurityGuarantees</c>.
/// </summary>
public interface IScenarioEngineAccessor
{
    /// <summary>
    /// The current engine; read it once per request, so one request sees one rule set. Compiled on first access.
    /// </summary>
    /// <exception cref="RuleLoadException">
    /// No valid rules are loaded: the first compilation failed (with <see cref="SecurityGuaranteesOptions.WatchRules"/>,
    /// the files stay watched and the next valid version is loaded; <see cref="IRuleReloadStatus.LastReload"/> has the
    /// diagnostics).
    /// </exception>
    ScenarioEngine Current { get; }
}
