using System.CommandLine;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>timeline &lt;scenario.yaml&gt;</c>: run a scenario's timeline and show what each step adds and removes.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file with a 'timeline:' section." };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "text", "json", "markdown");
        var maxFirings = CommonOptions.MaxFirings();
        var trace = CommonOptions.Trace();
        var command = new Command("timeline", "Run a scenario's timeline on one session: the conditions and next steps each step adds and removes.")
        {
            scenario, rules, format, maxFirings, trace,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            context, parse.GetValue(scenario)!, parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(maxFirings),
            parse.GetValue(trace), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string path, string[]? rules, string format, int? maxFirings, bool trace,
        CancellationToken cancellationToken)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        Timeline timeline;
        try
        {
            timeline = engine.LoadTimeline(path);
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return ExitCodes.LoadError;
        }

        TimelineResult result;
        try
        {
            result = engine.RunTimeline(timeline, new EvaluationOptions { MaxFirings = maxFirings, Trace = trace }, cancellationToken);
        }
        catch (EvaluationException e)
        {
            context.WriteError($"{path}: error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }

        switch (format)
        {
            case "json":
                TimelineJsonWriter.Write(result, context.Out);
                break;
            case "markdown":
                TimelineMarkdownWriter.Write(result, context.Out, timeline.Scenario.Description);
                if (result.Trace is { } markdownTrace)
                {
                    TraceReportWriter.WriteMarkdown(markdownTrace, context.Out);
                }

                break;
            default:
                TimelineTextWriter.Write(result, context.TextOut, timeline.Scenario.Description);
                if (result.Trace is { } textTrace)
                {
                    TraceReportWriter.WriteText(textTrace, context.TextOut);
                }

                break;
        }

        return ExitCodes.Ok;
    }
}
