using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>The registered <see cref="IScenarioEvaluator"/>: delegates to the singleton engine.</summary>
internal sealed class ScenarioEvaluator(ScenarioEngine engine) : IScenarioEvaluator
{
    public Scenario LoadScenario(string path) => engine.LoadScenario(path);

    public Scenario ParseScenario(string sourceName, string yaml) => engine.ParseScenario(sourceName, yaml);

    public EvaluationResult Evaluate(Scenario scenario, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        engine.Evaluate(scenario, options, cancellationToken);

    public EvaluationResult Evaluate(string scenarioPath, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioPath);
        return engine.Evaluate(engine.LoadScenario(scenarioPath), options, cancellationToken);
    }
}
