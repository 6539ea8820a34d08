using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees;

/// <summary>What-if: scenario variants, counterfactual suggestions and what stops a condition.</summary>
public sealed partial class ScenarioEngine
{
    /// <summary>
    /// Evaluates every combination of the scenario's <c>vary:</c> dimensions and <paramref name="dimensions"/>, as
    /// incremental changes of one live session (not fresh evaluations), and groups the outcomes.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="dimensions">Dimensions beyond the scenario's <c>vary:</c> (e.g. from the command line).</param>
    /// <param name="whatIf">Bounds: the combination cap.</param>
    /// <param name="options">Overrides for the evaluations.</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    /// <exception cref="RuleLoadException">A dimension does not resolve against the scenario, or there are too many combinations (SG0801-SG0806).</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public VariantsResult RunVariants(Scenario scenario, IEnumerable<VariationDimension>? dimensions = null, WhatIfOptions? whatIf = null,
        EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        whatIf ??= new WhatIfOptions();
        var diagnostics = new DiagnosticBag();
        var resolved = ResolveVariants(scenario, dimensions, whatIf, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return InBatchesOrStepwise(batches =>
        {
            var live = new LiveScenario(this, scenario, options, cancellationToken, batches);
            return VariantRunner.Run(live, scenario.Id, resolved, VariantWalkOrder.For(Rules).Of(resolved, live));
        });
    }

    /// <summary>
    /// Checks what <see cref="RunVariants"/> would run without running it: every problem of the scenario's <c>vary:</c>
    /// and of <paramref name="dimensions"/> (SG0801-SG0806), sorted; empty when all resolve.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="dimensions">Dimensions beyond the scenario's <c>vary:</c>.</param>
    /// <param name="whatIf">Bounds: the combination cap.</param>
    public IReadOnlyList<Diagnostic> CheckVariants(Scenario scenario, IEnumerable<VariationDimension>? dimensions = null, WhatIfOptions? whatIf = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var diagnostics = new DiagnosticBag();
        ResolveVariants(scenario, dimensions, whatIf ?? new WhatIfOptions(), diagnostics);
        return diagnostics.Sorted();
    }

    internal List<ResolvedDimension> ResolveVariants(Scenario scenario, IEnumerable<VariationDimension>? dimensions, WhatIfOptions whatIf, DiagnosticBag diagnostics)
    {
        var all = VariationReader.ReadSection(scenario.VaryNode, diagnostics);
        all.AddRange(dimensions ?? []);
        var resolved = VariationReader.Resolve(all, new FactResolver(scenario, Rules.Types), diagnostics);
        if (!diagnostics.HasErrors && VariantRunner.CountCombinations(resolved, whatIf.MaxVariants) is null)
        {
            var at = scenario.VaryNode?.Location ?? new SourceLocation(VariationReader.VaryOption, 1, 1);
            diagnostics.Add(VariantRunner.TooMany(resolved, whatIf.MaxVariants, at));
        }

        return resolved;
    }

    /// <summary>The scenario with changes applied: fields set on copies of facts, removed facts left out; the rest as written.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="changes">The changes.</param>
    /// <exception cref="RuleLoadException">A change does not resolve against the scenario (SG0801-SG0804).</exception>
    public Scenario WithChanges(Scenario scenario, IEnumerable<ScenarioChange> changes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(changes);
        var diagnostics = new DiagnosticBag();
        var resolver = new FactResolver(scenario, Rules.Types);
        var resolved = changes.Select(c => resolver.Resolve(c, new SourceLocation(scenario.SourcePath ?? scenario.Id, 0, 0), diagnostics)).ToList();
        if (diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return ScenarioEditing.Apply(scenario, resolved!);
    }

    /// <summary>
    /// The smallest sets of changes to the scenario's facts after which the condition holds: setting enum and bool
    /// fields, moving number fields past the constants they are compared with (on facts the deriving rules read,
    /// transitively), and removing facts that block a <c>not:</c>. Smallest first, each verified by evaluating the
    /// changed scenario. No set within <see cref="WhatIfOptions.MaxChanges"/> is an answer, not an error.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="conditionId">The condition id (see <see cref="DerivedConditionIds"/>).</param>
    /// <param name="whatIf">Bounds: changes per set, sets returned, evaluations.</param>
    /// <param name="options">Overrides for the evaluations.</param>
    /// <param name="cancellationToken">Stops the search between rule firings.</param>
    /// <exception cref="ArgumentException">No loaded rule derives the condition.</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public SuggestionReport SuggestForCondition(Scenario scenario, string conditionId, WhatIfOptions? whatIf = null, EvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(conditionId);
        if (!DerivedConditionIds.Contains(conditionId))
        {
            throw new ArgumentException($"no loaded rule derives the condition '{conditionId}'; {NameSuggester.Hint(conditionId, DerivedConditionIds.ToList())}", nameof(conditionId));
        }

        var reach = RuleReach.ForCondition(Rules, scenario.Facts, conditionId);
        return Suggest(scenario, "condition", conditionId, r => r.Conditions.Any(c => c.Id == conditionId), reach, reach.WhyConditionImpossible(conditionId),
            whatIf, options, cancellationToken);
    }

    /// <summary>
    /// The smallest sets of changes after which the rule fires; see
    /// <see cref="SuggestForCondition(Scenario, string, WhatIfOptions?, EvaluationOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="whatIf">Bounds: changes per set, sets returned, evaluations.</param>
    /// <param name="options">Overrides for the evaluations.</param>
    /// <param name="cancellationToken">Stops the search between rule firings.</param>
    /// <exception cref="ArgumentException">No loaded rule has this id.</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public SuggestionReport SuggestForRule(Scenario scenario, string ruleId, WhatIfOptions? whatIf = null, EvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        if (Rules.FindRule(ruleId) is null)
        {
            throw new ArgumentException($"no loaded rule has the id '{ruleId}'; {NameSuggester.Hint(ruleId, RuleIds.ToList())}", nameof(ruleId));
        }

        var reach = RuleReach.ForRule(Rules, scenario.Facts, ruleId);
        return Suggest(scenario, "rule", ruleId, r => Fired(r, ruleId), reach, reach.WhyRuleImpossible(ruleId), whatIf, options, cancellationToken);
    }

    /// <summary>
    /// The smallest sets of fact removals or field changes after which a condition that holds no longer does, computed
    /// from its justifications (every justification must lose a premise) and verified by evaluating the changed scenario.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="conditionId">The condition id.</param>
    /// <param name="subject">Only the condition about this subject; <see langword="null"/>: every condition with the id must stop.</param>
    /// <param name="whatIf">Bounds: changes per set, sets returned, evaluations.</param>
    /// <param name="options">Overrides for the evaluations.</param>
    /// <param name="cancellationToken">Stops the search between rule firings.</param>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted.</exception>
    public SuggestionReport WhatStops(Scenario scenario, string conditionId, string? subject = null, WhatIfOptions? whatIf = null,
        EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(conditionId);
        whatIf ??= new WhatIfOptions();
        bool Holds(Results.EvaluationResult r) => r.Conditions.Any(c => c.Id == conditionId && (subject is null || c.Subject == subject));
        return InBatchesOrStepwise(batches => WhatStops(new LiveScenario(this, scenario, options, cancellationToken, batches), scenario, conditionId, subject,
            Holds, whatIf, options, cancellationToken));
    }

    private SuggestionReport WhatStops(LiveScenario live, Scenario scenario, string conditionId, string? subject, Func<Results.EvaluationResult, bool> holds,
        WhatIfOptions whatIf, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        if (!holds(live.Original))
        {
            return new SuggestionReport(scenario.Id, live.Original.AsOf, SuggestionGoal.Stop, "condition", conditionId, subject, true, whatIf.MaxChanges, [], true, 0, 0, []);
        }

        var resolver = new FactResolver(scenario, Rules.Types);
        var explanation = Explain(scenario, new Explanations.ExplanationQuery { Condition = conditionId, Subject = subject }, options, cancellationToken);
        var cover = new JustificationCover(explanation, resolver);
        var candidates = CandidateChanges.ToStop(cover.Premises, RuleReach.ForRules(Rules, scenario.Facts, cover.Rules));
        var (found, complete, evaluations) = ChangeSearch.Run(live, candidates, r => !holds(r), whatIf, cover.Stops);
        var verified = found.Where(set => !holds(Evaluate(ScenarioEditing.Apply(scenario, set), options, cancellationToken))).ToList();
        return new SuggestionReport(scenario.Id, live.Original.AsOf, SuggestionGoal.Stop, "condition", conditionId, subject, false, whatIf.MaxChanges,
            [.. verified.Select(set => new ChangeSet([.. set.Select(c => c.Change)]))], complete, evaluations, candidates.Count, []);
    }

    private SuggestionReport Suggest(Scenario scenario, string kind, string id, Func<Results.EvaluationResult, bool> goal, RuleReach reach,
        List<string> impossible, WhatIfOptions? whatIf, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        whatIf ??= new WhatIfOptions();
        return InBatchesOrStepwise(batches => Suggest(new LiveScenario(this, scenario, options, cancellationToken, batches), scenario, kind, id, goal, reach,
            impossible, whatIf, options, cancellationToken));
    }

    private SuggestionReport Suggest(LiveScenario live, Scenario scenario, string kind, string id, Func<Results.EvaluationResult, bool> goal, RuleReach reach,
        List<string> impossible, WhatIfOptions whatIf, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        if (goal(live.Original))
        {
            return new SuggestionReport(scenario.Id, live.Original.AsOf, SuggestionGoal.MakeHold, kind, id, null, true, whatIf.MaxChanges, [], true, 0, 0, []);
        }

        var candidates = CandidateChanges.ToMakeHold(new FactResolver(scenario, Rules.Types), reach);
        if (impossible.Count > 0)
        {
            return new SuggestionReport(scenario.Id, live.Original.AsOf, SuggestionGoal.MakeHold, kind, id, null, false, whatIf.MaxChanges, [], true, 0,
                candidates.Count, impossible);
        }

        var (found, complete, evaluations) = ChangeSearch.Run(live, candidates, goal, whatIf);
        var verified = found.Where(set => goal(Evaluate(ScenarioEditing.Apply(scenario, set), options, cancellationToken))).ToList();
        return new SuggestionReport(scenario.Id, live.Original.AsOf, SuggestionGoal.MakeHold, kind, id, null, false, whatIf.MaxChanges,
            [.. verified.Select(set => new ChangeSet([.. set.Select(c => c.Change)]))], complete, evaluations, candidates.Count, []);
    }

    private static bool Fired(Results.EvaluationResult result, string ruleId) =>
        result.Conditions.Any(c => c.Justifications.Any(j => j.Rule == ruleId))
        || result.NextSteps.Any(n => n.Justifications.Any(j => j.Rule == ruleId))
        || result.InsertedFacts.Any(f => f.Justifications.Any(j => j.Rule == ruleId));
}
