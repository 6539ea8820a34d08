using System.CommandLine;
using SecurityGuarantees.Cli.Terminal;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>whatif &lt;scenario.yaml&gt; [--vary ...] [--vary-present ...]</c>: every combination of the varied facts, as a matrix.</summary>
internal static class WhatIfCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (its 'vary:' section, if any, gives dimensions too)." };
        var rules = CommonOptions.Rules();
        var vary = new Option<string[]>("--vary")
        {
            Description = "Vary a field: 'Type[key].field=value1,value2,...' (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var varyPresent = new Option<string[]>("--vary-present")
        {
            Description = "Vary whether a fact is there: 'Type[key]' (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var maxVariants = new Option<int?>("--max-variants")
        {
            Description = $"Refuse more combinations than this (default {WhatIfOptions.DefaultMaxVariants:N0}).",
            Validators = { result => { if (result.GetValueOrDefault<int?>() is <= 0) { result.AddError("--max-variants must be a positive number"); } } },
        };
        var format = CommonOptions.Format("text", "text", "markdown", "json");
        var asOf = CommonOptions.AsOf();
        var maxFirings = CommonOptions.MaxFirings();
        var command = new Command("whatif", "Evaluate every combination of varied facts (one live session, changed incrementally) and show which conclusions differ.")
        {
            scenario, rules, vary, varyPresent, maxVariants, format, asOf, maxFirings,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, parse.GetValue(scenario)!, parse.GetValue(rules),
            parse.GetValue(vary) ?? [], parse.GetValue(varyPresent) ?? [], parse.GetValue(maxVariants), parse.GetValue(format)!,
            new EvaluationOptions { AsOf = parse.GetValue(asOf), MaxFirings = parse.GetValue(maxFirings) }, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string path, string[]? rules, string[] vary, string[] varyPresent, int? maxVariants, string format,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        // The command line's dimensions and the scenario file are checked together: every problem in one pass.
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<VariationDimension> dimensions = [];
        try
        {
            dimensions = VariationDimensions.Parse(vary, varyPresent);
        }
        catch (RuleLoadException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }

        Scenarios.Scenario? scenario = null;
        try
        {
            scenario = engine.LoadScenario(path);
        }
        catch (RuleLoadException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }

        var whatIf = new WhatIfOptions { MaxVariants = maxVariants ?? WhatIfOptions.DefaultMaxVariants };
        if (scenario is not null)
        {
            diagnostics.AddRange(engine.CheckVariants(scenario, dimensions, whatIf));
        }

        if (diagnostics.Count > 0 || scenario is null)
        {
            EngineFactory.PrintDiagnostics(diagnostics, context);
            return ExitCodes.LoadError;
        }

        try
        {
            var result = ProgressDisplay.Run(context, "evaluating the variants", () => engine.RunVariants(scenario, dimensions, whatIf, options, cancellationToken));
            switch (format)
            {
                case "json":
                    VariantsJsonWriter.Write(result, context.Out);
                    break;
                case "markdown":
                    VariantsMarkdownWriter.Write(result, context.Out);
                    break;
                default:
                    VariantsTextWriter.Write(result, context.TextOut);
                    break;
            }

            return ExitCodes.Ok;
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return ExitCodes.LoadError;
        }
        catch (EvaluationException e)
        {
            context.WriteError($"{scenario.SourcePath}: error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
