using System.CommandLine;
using SecurityGuarantees.Cli.Terminal;
using SecurityGuarantees.Testing;

namespace SecurityGuarantees.Cli.Commands;

/// <summary>
/// <c>test [paths...]</c>: run every scenario file found as a test of its <c>expect:</c> blocks (the scenario's and
/// each timeline step's), print expected vs actual for each failure, a coverage summary (with <c>--coverage</c>, or when
/// testing the default folders) and <c>N passed, N failed</c>.
/// Exit 0 when all pass, 1 when a test fails, 2 on load errors (rules or scenario files) or a bad command line.
/// </summary>
internal static class TestCommand
{

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Scenario files or folders (searched recursively for *.yaml/*.yml files with a 'scenario:' key). Default: {string.Join(" and ", CommonOptions.DefaultScenarioFolders)}.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "text", "json", "junit");
        var maxFirings = CommonOptions.MaxFirings();
        var coverage = new Option<bool>("--coverage")
        {
            Description = "Print the coverage summary (rules no scenario fired, conditions no scenario expects) in the text format. Default: only when testing the default folders.",
        };
        var command = new Command("test", "Test scenarios against their expect: blocks (timeline steps included); exit 1 if any expectation fails.")
        {
            paths, rules, format, maxFirings, coverage,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            context, parse.GetValue(paths) ?? [], parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(maxFirings), parse.GetValue(coverage),
            cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string[]? rules, string format, int? maxFirings, bool coverage,
        CancellationToken cancellationToken)
    {
        // Coverage is about the whole set: one author's file would drown in lines about every rule it does not touch.
        coverage |= paths.Length == 0;
        if (paths.Length == 0)
        {
            paths = CommonOptions.ExistingDefaultScenarioFolders();
            if (paths.Length == 0)
            {
                context.WriteError($"error: no scenario paths given and none of {string.Join(", ", CommonOptions.DefaultScenarioFolders)} is here");
                context.WriteError("name the scenario files or folders to test: security-guarantees test path/to/scenarios");
                return ExitCodes.LoadError;
            }
        }

        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        var files = ScenarioTestRunner.FindScenarioFiles(paths);
        if (files.Count == 0)
        {
            context.WriteError($"error: no scenario files found in {string.Join(", ", paths)}");
            return ExitCodes.LoadError;
        }

        var runner = new ScenarioTestRunner(engine, maxFirings);
        var run = ProgressDisplay.Run(context, $"testing {files.Count} scenario files", files.Count, progress => runner.Run(files, progress, cancellationToken));
        if (run.Diagnostics.Count > 0)
        {
            EngineFactory.PrintDiagnostics(run.Diagnostics, context);
        }

        switch (format)
        {
            case "json":
                context.Out.Write(ScenarioTestReportWriter.ToJson(run));
                context.Out.Write('\n');
                break;
            case "junit":
                context.Out.Write(ScenarioTestReportWriter.ToJUnit(run));
                break;
            default:
                ScenarioTestReportWriter.WriteText(run, context.TextOut, coverage);
                break;
        }

        return run.HasLoadErrors ? ExitCodes.LoadError : run.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
