using System.CommandLine;
using SecurityGuarantees.Cli.Commands;

namespace SecurityGuarantees.Cli;

/// <summary>The <c>security-guarantees</c> command line: builds the commands and runs one, in-process and testable.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Evaluate security-guarantee scenarios against YAML rules: which conditions hold, which next steps follow, and why.");
        var context = new CliContext(stdout, stderr);
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(WhyNotCommand.Create(context));
        root.Subcommands.Add(TestCommand.Create(context));
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(GraphCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.Write($"error: {error.Message}\n");
            }

            stderr.Write("run 'security-guarantees --help' for usage\n");
            return ExitCodes.LoadError;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never a stack trace in front of an author: say what happened and how to report it.
            stderr.Write($"error: unexpected failure: {e.Message}\nthis is a bug in security-guarantees; please report it with the input that caused it\n");
            return ExitCodes.Failed;
        }
    }
}
