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
        var all = VariationReader.ReadSection(scenario.VaryNode, diagnostics);
        all.AddRange(dimensions ?? []);
        var resolved = VariationReader.Resolve(all, new FactResolver(scenario, Rules.Types), diagnostics);
        if (!diagnostics.HasErrors && VariantRunner.CountCombinations(resolved, whatIf.MaxVariants) is null)
        {
            var at = scenario.VaryNode?.Location ?? new SourceLocation(VariationReader.VaryOption, 1, 1);
            diagnostics.Add(VariantRunner.TooMany(resolved, whatIf.MaxVariants, at));
        }

        if (diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        var live = new LiveScenario(this, scenario, options, cancellationToken);
        return VariantRunner.Run(live, scenario.Id, resolved);
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
}
