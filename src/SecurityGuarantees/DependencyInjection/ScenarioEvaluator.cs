using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// The registered <see cref="IScenarioEvaluator"/>: each call reads the current engine once and runs on it to the end,
/// so a hot reload never changes the rules under a running evaluation.
/// </summary>
internal sealed class ScenarioEvaluator : IScenarioEvaluator
{
    private readonly ScenarioEngineHolder _holder;

    public ScenarioEvaluator(ScenarioEngineHolder holder)
    {
        // Compile now: invalid rules fail the resolution of the evaluator, never its first evaluation.
        _ = holder.Current;
        _holder = holder;
    }

    public Scenario LoadScenario(string path) => _holder.Current.LoadScenario(path);

    public Scenario ParseScenario(string sourceName, string yaml) => _holder.Current.ParseScenario(sourceName, yaml);

    public EvaluationResult Evaluate(Scenario scenario, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        _holder.Current.Evaluate(scenario, options, cancellationToken);

    public EvaluationResult Evaluate(string scenarioPath, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioPath);
        var engine = _holder.Current;
        return engine.Evaluate(engine.LoadScenario(scenarioPath), options, cancellationToken);
    }
}
