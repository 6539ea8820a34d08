using System.CommandLine;
using System.Globalization;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Cli.Commands;

/// <summary>
/// <c>lint [--rules ...] [--scenarios ...] [--warnaserror]</c>: load diagnostics plus the checks that need the whole rule
/// set. Diagnostics go to stderr compiler-style; stdout gets one summary line. Exit 2 on load errors, 1 on lint errors
/// (or warnings with <c>--warnaserror</c>), 0 otherwise.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var scenarios = new Option<string[]>("--scenarios")
        {
            Description = "Scenario files or folders whose 'expect:' blocks count as reading a condition. Default: examples/scenarios and examples/timelines where they exist.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Count warnings as errors (exit 1)." };
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("lint", "Check a rule set as a whole: conditions nobody derives or reads, unused bindings, rules that can never fire, duplicates, cycles.")
        {
            rules, scenarios, warnAsError, format,
        };
        command.SetAction(parse => Run(context, parse.GetValue(rules), parse.GetValue(scenarios), parse.GetValue(warnAsError), parse.GetValue(format) == "json"));
        return command;
    }

    private static int Run(CliContext context, string[]? rules, string[]? scenarioPaths, bool warnAsError, bool json)
    {
        var builder = new ScenarioEngineBuilder();
        foreach (var rule in rules ?? [])
        {
            builder.AddRules(rule);
        }

        ScenarioEngine engine;
        try
        {
            engine = builder.Build();
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return ExitCodes.LoadError;
        }

        var paths = scenarioPaths is { Length: > 0 } ? scenarioPaths : CommonOptions.ExistingDefaultScenarioFolders();
        IReadOnlyList<Diagnostic> sorted;
        try
        {
            sorted = engine.Lint(paths.Length > 0 ? paths : null);
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return ExitCodes.LoadError;
        }

        var errors = sorted.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = sorted.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (json)
        {
            // --format json: the findings on stdout as one object (what the server's POST /v1/lint returns).
            Reporting.LintJsonWriter.Write(engine.RuleIds.Count, sorted, context.Out);
            return errors > 0 || (warnAsError && warnings > 0) ? ExitCodes.Failed : ExitCodes.Ok;
        }

        foreach (var diagnostic in sorted)
        {
            context.WriteError(diagnostic.ToString());
        }

        var infos = sorted.Count - errors - warnings;
        context.Out.Write(string.Create(CultureInfo.InvariantCulture,
            $"lint: {engine.RuleIds.Count} rule(s), {paths.Length} scenario path(s): {errors} error(s), {warnings} warning(s), {infos} info(s)\n"));
        return errors > 0 || (warnAsError && warnings > 0) ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
