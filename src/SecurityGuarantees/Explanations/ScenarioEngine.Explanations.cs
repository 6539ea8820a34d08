using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees;

/// <summary>Explanations (why a conclusion holds) and why-not (why a rule did not fire).</summary>
public sealed partial class ScenarioEngine
{
    /// <summary>The condition ids the loaded rules derive (from their <c>then</c>), sorted ordinally.</summary>
    public IReadOnlyList<string> DerivedConditionIds =>
        [.. Rules.Rules.SelectMany(r => r.Syntax.Then.OfType<ConditionActionSyntax>()).Select(a => a.Id.Text).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Evaluates a scenario and returns the justification trees of its conclusions: the rules that derived each, the
    /// facts they matched (with where each was written) and, recursively, why the matched derived facts hold.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="query">Which conclusions to explain; <see langword="null"/> for every conclusion.</param>
    /// <param name="options">Overrides for this evaluation.</param>
    /// <param name="cancellationToken">Stops the evaluation between rule firings.</param>
    /// <returns>The explanation; with a query that matches nothing, one without conclusions.</returns>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public Explanation Explain(Scenario scenario, ExplanationQuery? query = null, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (session, result) = RunForExplanation(scenario, options, cancellationToken);
        return new ExplanationBuilder(Rules.Types, scenario, session.Query()).Build(result, query);
    }

    /// <summary>
    /// Why a rule did or did not fire: its <c>when</c> elements re-evaluated left to right against the final working
    /// memory, with the bindings reached, the first failing element and the facts that came closest.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="options">Overrides for this evaluation.</param>
    /// <param name="cancellationToken">Stops the evaluation between rule firings.</param>
    /// <exception cref="ArgumentException">No loaded rule has this id (the message suggests the closest).</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public WhyNotReport WhyNot(Scenario scenario, string ruleId, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        var rule = Rules.FindRule(ruleId)
            ?? throw new ArgumentException($"no loaded rule has the id '{ruleId}'; {Diagnostics.NameSuggester.Hint(ruleId, RuleIds.ToList())}", nameof(ruleId));
        var (session, result) = RunForExplanation(scenario, options, cancellationToken);
        var analyser = new WhyNotAnalyser(Rules.Types, scenario, session.Query(), Rules.Rules);
        return new WhyNotReport(result.Scenario, result.AsOf, null, [], [analyser.Analyse(rule)]);
    }

    /// <summary>
    /// Why a condition does or does not hold: <see cref="WhyNot(Scenario, string, EvaluationOptions?, CancellationToken)"/>
    /// for every rule whose <c>then</c> derives the condition id, in load order.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="conditionId">The condition id.</param>
    /// <param name="options">Overrides for this evaluation.</param>
    /// <param name="cancellationToken">Stops the evaluation between rule firings.</param>
    /// <returns>The report; without rules when no loaded rule derives the id (see <see cref="DerivedConditionIds"/>).</returns>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public WhyNotReport WhyNotCondition(Scenario scenario, string conditionId, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(conditionId);
        var (session, result) = RunForExplanation(scenario, options, cancellationToken);
        var analyser = new WhyNotAnalyser(Rules.Types, scenario, session.Query(), Rules.Rules);
        var rules = Rules.Rules.Where(r => r.Syntax.Then.OfType<ConditionActionSyntax>().Any(a => a.Id.Text == conditionId)).Select(analyser.Analyse).ToList();
        var holds = result.Conditions.Where(c => c.Id == conditionId)
            .Select(c => Rules.Types.Find(typeof(Condition))!.GetKey(new Condition { Id = c.Id, Subject = c.Subject })).ToList();
        return new WhyNotReport(result.Scenario, result.AsOf, conditionId, holds, rules);
    }

    private (ScenarioSession Session, EvaluationResult Result) RunForExplanation(Scenario scenario, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        var asOf = ResolveAsOf(scenario, options);
        var session = CreateSession(scenario, options);
        session.Insert(scenario.Facts, cancellationToken);
        session.SetToday(asOf, first: true);
        session.Fire(cancellationToken);
        return (session, session.Snapshot(scenario.Id, asOf, cancellationToken));
    }
}
