using System.CommandLine;
using SecurityGuarantees.Cli.Commands;
using SecurityGuarantees.Cli.Terminal;

namespace SecurityGuarantees.Cli;

/// <summary>The <c>security-guarantees</c> command line: builds the commands and runs one, in-process and testable.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, TerminalSettings.Redirected);

    /// <summary>Runs with the given terminal settings: the real console's from <c>Program</c>, a terminal's in tests of colour.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TerminalSettings terminal)
    {
        var root = new RootCommand("Evaluate security-guarantee scenarios against YAML rules: which conditions hold, which next steps follow, and why.");
        var context = new CliContext(stdout, stderr) { Terminal = terminal };
        var noColor = TerminalOptions.NoColor();
        root.Options.Add(noColor);
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(WhyNotCommand.Create(context));
        root.Subcommands.Add(TestCommand.Create(context));
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(GraphCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(LspCommand.Create(context));
        root.Subcommands.Add(WhatIfCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        var limits = new LimitOptions();
        limits.AddTo(root);
        var parseResult = root.Parse(args);
        if (parseResult.GetValue(noColor))
        {
            context.Terminal = context.Terminal with { NoColor = true };
        }

        if (parseResult.Errors.Count > 0 && UnknownCommand.TryReport(root, args, context))
        {
            return ExitCodes.LoadError;
        }

        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                context.WriteError($"error: {error.Message}");
            }

            context.WriteError("run 'security-guarantees --help' for usage");
            context.Flush();
            return ExitCodes.LoadError;
        }

        context.Limits = limits.Read(parseResult);
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
        finally
        {
            context.Flush();
        }
    }
}
