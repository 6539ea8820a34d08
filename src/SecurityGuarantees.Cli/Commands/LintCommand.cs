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
    private const string BuiltIn = "builtin";

    /// <summary>SG0701: a rule reads a condition or next step no loaded rule derives.</summary>
    private const string UnderivedCode = "SG0701";

    private static bool IsBuiltIn(Diagnostic diagnostic) => diagnostic.Location.File.StartsWith("builtin:", StringComparison.Ordinal);

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
        var includeBuiltIn = new Option<bool>("--include-builtin")
        {
            Description = "With rule files of your own: also load the built-in rules (if --rules builtin is not given) and report on them too. Default: only your files are reported.",
        };
        var command = new Command("lint", "Check a rule set as a whole: conditions nobody derives or reads, unused bindings, rules that can never fire, duplicates, cycles.")
        {
            rules, scenarios, warnAsError, includeBuiltIn, format,
        };
        command.SetAction(parse => Run(context, parse.GetValue(rules), parse.GetValue(scenarios), parse.GetValue(warnAsError), parse.GetValue(includeBuiltIn),
            parse.GetValue(format) == "json"));
        return command;
    }

    private static int Run(CliContext context, string[]? rules, string[]? scenarioPaths, bool warnAsError, bool includeBuiltIn, bool json)
    {
        // An author linting their own files (beside the built-in set or not) hears about their files; the built-in
        // set's notes are the maintainers' business unless asked for.
        string[] sources = rules ?? [];
        var ownFiles = sources.Any(r => r != BuiltIn);
        if (ownFiles && includeBuiltIn && !sources.Contains(BuiltIn))
        {
            sources = [BuiltIn, .. sources];
        }

        var builder = new ScenarioEngineBuilder().WithLimits(context.Limits);
        foreach (var rule in sources)
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

        var hidden = ownFiles && !includeBuiltIn ? sorted.Count(IsBuiltIn) : 0;
        if (hidden > 0)
        {
            sorted = [.. sorted.Where(d => !IsBuiltIn(d))];
        }

        var errors = sorted.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = sorted.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (json)
        {
            // --format json: the findings on stdout as one object (what the server's POST /v1/lint returns).
            Reporting.LintJsonWriter.Write(engine.RuleIds.Count, sorted, context.Out);
        }
        else
        {
            foreach (var diagnostic in sorted)
            {
                context.WriteError(diagnostic.ToString());
            }
        }

        if (hidden > 0)
        {
            context.WriteError(string.Create(CultureInfo.InvariantCulture, $"{hidden} note(s) on the built-in rules not shown (--include-builtin shows them)"));
        }

        // Rules that read built-in conditions, linted without the built-in set, would seem to wait for nothing.
        if (ownFiles && !sources.Contains(BuiltIn) && sorted.Any(d => d.Code == UnderivedCode))
        {
            context.WriteError("note: if your rules build on the built-in rules, lint them together: security-guarantees lint --rules builtin "
                + string.Join(" ", sources.Select(r => $"--rules {r}")));
        }

        if (json)
        {
            return errors > 0 || (warnAsError && warnings > 0) ? ExitCodes.Failed : ExitCodes.Ok;
        }

        var infos = sorted.Count - errors - warnings;
        context.TextOut.Write(string.Create(CultureInfo.InvariantCulture,
            $"lint: {engine.RuleIds.Count} rule(s), {paths.Length} scenario path(s): {errors} error(s), {warnings} warning(s), {infos} info(s)\n"));
        return errors > 0 || (warnAsError && warnings > 0) ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
