using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// Evaluates scenarios against the rules configured with <c>AddSecurityGuarantees</c>: the service applications
/// inject. Registered as a singleton; thread-safe.
/// </summary>
public interface IScenarioEvaluator
{
    /// <summary>Loads a scenario file, typing its facts by the registered fact types.</summary>
    /// <param name="path">The scenario file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="Diagnostics.RuleLoadException">The file has errors; all of them are listed.</exception>
    Scenario LoadScenario(string path);

    /// <summary>Reads a scenario from YAML text.</summary>
    /// <param name="sourceName">The name diagnostics use for the text.</param>
    /// <param name="yaml">The scenario file content.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="Diagnostics.RuleLoadException">The text has errors; all of them are listed.</exception>
    Scenario ParseScenario(string sourceName, string yaml);

    /// <summary>Evaluates a scenario and reports what holds, with the reasons why.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Overrides for this evaluation.</param>
    /// <param name="cancellationToken">Stops the evaluation between rule firings.</param>
    /// <returns>The conditions and next steps that hold.</returns>
    /// <exception cref="Evaluation.EvaluationException">The firing limit was reached or a rule faulted.</exception>
    EvaluationResult Evaluate(Scenario scenario, EvaluationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Loads a scenario file and evaluates it.</summary>
    /// <param name="scenarioPath">The scenario file.</param>
    /// <param name="options">Overrides for this evaluation.</param>
    /// <param name="cancellationToken">Stops the evaluation between rule firings.</param>
    /// <returns>The conditions and next steps that hold.</returns>
    /// <exception cref="Diagnostics.RuleLoadException">The file has errors; all of them are listed.</exception>
    /// <exception cref="Evaluation.EvaluationException">The firing limit was reached or a rule faulted.</exception>
    EvaluationResult Evaluate(string scenarioPath, EvaluationOptions? options = null, CancellationToken cancellationToken = default);
}
