using System.Runtime.CompilerServices;
using NRules;
using NRules.RuleModel;
using SecurityGuarantees.Compilation.Indexing;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>Binds and builds every rule of every file, then compiles them once into an NRules session factory.</summary>
internal static class RuleSetCompiler
{
    public static CompiledRuleSet? Compile(IReadOnlyList<RuleSetSyntax> files, FactTypeRegistry types, DiagnosticBag diagnostics,
        bool useFastExpressionCompiler = true, bool indexedJoins = false, bool directConclusions = true)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            NativeAotShapes.Keep();
        }

        var planner = indexedJoins ? IndexPlanner.For(files, types) : null;
        var definitions = new List<IRuleDefinition>();
        var rules = new List<CompiledRule>();
        var insertedTypes = new HashSet<FactTypeDescriptor>();
        var seen = new Dictionary<string, RuleSyntax>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var rule in file.Rules)
            {
                if (seen.TryGetValue(rule.Id, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateRuleId, rule.Location, $"rule id '{rule.Id}' is already used (at {first.Location})",
                        "rule ids are unique across every loaded file; rename one");
                    continue;
                }

                seen.Add(rule.Id, rule);
                try
                {
                    if (RuleModelBuilder.Build(rule, file.File, types, diagnostics, insertedTypes, planner) is { } built)
                    {
                        definitions.Add(built.Definition);
                        definitions.AddRange(built.HelperRules);
                        rules.Add(built.Action.Rule);
                    }
                }
                catch (NotSupportedException) when (!RuntimeFeature.IsDynamicCodeSupported)
                {
                    ReportNotSupportedNatively(rule, diagnostics);
                }
            }
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        if (directConclusions)
        {
            DirectConclusionPlanner.Plan([.. rules.Select(r => r.Action!)]);
        }

        // A merge rule only for a type some action states through supports: when every action stating a condition (or a
        // next step) links it directly, the merge rule would never see a fact, but each session would still build its
        // nine nodes' memories (a tenth of a small evaluation's session creation).
        foreach (var type in new[] { types.Find("Condition")!, types.Find("NextStep")! })
        {
            if (rules.Exists(r => StatesThroughSupports(r.Action!, type)))
            {
                definitions.Add(ConclusionMergeRules.Build(type));
            }
        }

        definitions.AddRange(insertedTypes.OrderBy(t => t.Name, StringComparer.Ordinal).Select(ConclusionMergeRules.Build));

        var compiler = new RuleCompiler();
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = new FactKeyIdentityComparer(types);
        if (useFastExpressionCompiler)
        {
            compiler.ExpressionCompiler = new FastExpressionCompilerAdapter();
        }

        try
        {
            var factory = compiler.Compile(definitions);
            var indexes = planner?.Indexes ?? [];
            return new CompiledRuleSet(factory, rules, types, indexes, IndexOnlyTypes.Find(definitions, indexes), definitions);
        }
        catch (RuleCompilationException e)
        {
            var rule = rules.FirstOrDefault(r => r.Id == e.RuleName);
            diagnostics.Error(DiagnosticCodes.InvalidElement, rule?.Location ?? new SourceLocation("", 0, 0),
                $"rule '{e.RuleName}' cannot be compiled: {e.InnerException?.Message ?? e.Message}", "simplify the rule's 'when' and report this as a bug");
            return null;
        }
    }

    /// <summary>Whether some action of the rule states a conclusion of <paramref name="type"/> through a support (not directly).</summary>
    private static bool StatesThroughSupports(RuleFiringAction action, FactTypeDescriptor type) =>
        Enumerable.Range(0, action.Factories.Count).Any(i => action.Factories[i].Type == type && !action.Direct[i]);

    /// <summary>
    /// A native build has code only for the generic shapes NativeAotShapes names; the likely cause is one condition over
    /// more bindings than those.
    /// </summary>
    public static void ReportNotSupportedNatively(RuleSyntax rule, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.NotSupportedInNativeBuild, rule.Location,
            $"rule '{rule.Id}' needs code the native build of this program does not have (most likely one condition over too many bindings)",
            "split the condition into conjuncts joined by '&&' that each use fewer bindings, or use the framework-dependent build of the tool (docs/packaging.md)");
}
