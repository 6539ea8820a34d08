using System.CommandLine;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>evaluate &lt;scenario.yaml&gt;...</c>: what holds in each scenario, and why.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Scenario files to evaluate.", Arity = ArgumentArity.OneOrMore };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "text", "json", "markdown");
        var asOf = CommonOptions.AsOf();
        var maxFirings = CommonOptions.MaxFirings();
        var trace = CommonOptions.Trace();
        var command = new Command("evaluate", "Evaluate scenarios: the conditions that hold and the next steps that follow, with reasons.")
        {
            scenarios, rules, format, asOf, maxFirings, trace,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            context, parse.GetValue(scenarios)!, parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(asOf), parse.GetValue(maxFirings),
            parse.GetValue(trace), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string[]? rules, string format, DateOnly? asOf, int? maxFirings,
        bool trace, CancellationToken cancellationToken)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        // Load every scenario first: all load errors in one pass, nothing evaluated half-way.
        var loaded = new List<Scenario>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in paths)
        {
            try
            {
                loaded.Add(engine.LoadScenario(path));
            }
            catch (RuleLoadException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        if (diagnostics.Count > 0)
        {
            EngineFactory.PrintDiagnostics(diagnostics, context);
            return ExitCodes.LoadError;
        }

        var options = new EvaluationOptions { AsOf = asOf, MaxFirings = maxFirings, Trace = trace };
        var exitCode = ExitCodes.Ok;
        var first = true;
        foreach (var scenario in loaded)
        {
            try
            {
                var result = engine.Evaluate(scenario, options, cancellationToken);
                switch (format)
                {
                    case "json":
                        JsonReportWriter.Write(result, context.Out);
                        break;
                    case "markdown":
                        if (!first)
                        {
                            context.Out.Write("\n");
                        }

                        MarkdownReportWriter.Write(result, context.Out, scenario.Description);
                        if (result.Trace is { } markdownTrace)
                        {
                            TraceReportWriter.WriteMarkdown(markdownTrace, context.Out);
                        }

                        break;
                    default:
                        if (!first)
                        {
                            context.Out.Write("\n");
                        }

                        TextReportWriter.Write(result, context.TextOut, scenario.Description);
                        if (result.Trace is { } textTrace)
                        {
                            TraceReportWriter.WriteText(textTrace, context.TextOut);
                        }

                        break;
                }
            }
            catch (EvaluationException e)
            {
                context.WriteError($"{scenario.SourcePath}: error {e.Code}: {e.Message}");
                exitCode = ExitCodes.Failed;
            }

            first = false;
        }

        return exitCode;
    }
}
