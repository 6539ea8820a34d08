using System.CommandLine;
using SecurityGuarantees.Cli.Terminal;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Testing;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>diff [scenario or folder ...] --rules &lt;new&gt; --base-rules &lt;old|git:rev&gt;</c>: which conclusions a rule change changes.</summary>
internal static class DiffCommand
{
    private const string BaseRulesOption = "--base-rules";

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("scenarios")
        {
            Description = $"Scenario files or folders (searched recursively). Default: {string.Join(" and ", CommonOptions.DefaultScenarioFolders)}.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = CommonOptions.Rules();
        rules.Description = "The new rules: a file or folder (repeatable), or 'builtin'. Default: the built-in rule set.";
        var baseRules = new Option<string[]>(BaseRulesOption)
        {
            Description = "The rules before the change: a file or folder (repeatable), 'builtin', or git:<revision> for the same rule files at that revision of the current repository.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var failOnChange = new Option<bool>("--fail-on-change") { Description = "Exit with 1 when any conclusion changed." };
        var format = CommonOptions.Format("text", "text", "markdown", "json");
        var maxFirings = CommonOptions.MaxFirings();
        var command = new Command("diff", "Evaluate scenarios (and every timeline step) under the base and the new rules, and report the conclusions added, removed and changed.")
        {
            paths, rules, baseRules, failOnChange, format, maxFirings,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, parse.GetValue(paths) ?? [], parse.GetValue(rules) ?? [],
            parse.GetValue(baseRules)!, parse.GetValue(failOnChange), parse.GetValue(format)!, parse.GetValue(maxFirings), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string[] rules, string[] baseRules, bool failOnChange, string format, int? maxFirings,
        CancellationToken cancellationToken)
    {
        var newEngine = EngineFactory.TryBuild(rules, context);
        if (newEngine is null || BuildBase(baseRules, rules, context) is not { } baseEngine)
        {
            return ExitCodes.LoadError;
        }

        var files = ScenarioTestRunner.FindScenarioFiles(paths.Length > 0 ? paths : CommonOptions.ExistingDefaultScenarioFolders());
        RuleImpactReport report;
        try
        {
            report = ProgressDisplay.Run(context, $"evaluating {files.Count} scenario files with both rule sets", () => RuleChangeImpact.Compare(baseEngine, newEngine,
                files, string.Join(", ", baseRules), rules.Length == 0 ? "builtin" : string.Join(", ", rules), new EvaluationOptions { MaxFirings = maxFirings }, cancellationToken));
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return ExitCodes.LoadError;
        }
        catch (EvaluationException e)
        {
            context.WriteError($"error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }

        switch (format)
        {
            case "json":
                RuleImpactJsonWriter.Write(report, context.Out);
                break;
            case "markdown":
                RuleImpactTextWriter.WriteMarkdown(report, context.Out);
                break;
            default:
                RuleImpactTextWriter.Write(report, context.TextOut);
                break;
        }

        return failOnChange && report.HasChanges ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>The base engine: from rule paths, or from a git revision's rule files; <see langword="null"/> after printing why not.</summary>
    private static ScenarioEngine? BuildBase(string[] baseRules, string[] newRules, CliContext context)
    {
        if (baseRules.FirstOrDefault(b => b.StartsWith("git:", StringComparison.Ordinal)) is not { } git)
        {
            return EngineFactory.TryBuild(baseRules, context);
        }

        if (baseRules.Length > 1)
        {
            Fail(context, $"{BaseRulesOption} git:<revision> cannot be combined with other base rules", "give one git:<revision>, or folders only");
            return null;
        }

        if (!GitRevisionRules.TryRead(git["git:".Length..], newRules, out var files, out var error))
        {
            Fail(context, error, null);
            return null;
        }

        var builder = new ScenarioEngineBuilder();
        foreach (var (name, yaml) in files)
        {
            builder.AddRuleText(name, yaml);
        }

        try
        {
            return builder.Build();
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return null;
        }
    }

    private static void Fail(CliContext context, string message, string? hint) =>
        EngineFactory.PrintDiagnostics([new Diagnostic(DiagnosticCodes.BaseRulesUnavailable, DiagnosticSeverity.Error, message, new SourceLocation(BaseRulesOption, 1, 1), hint)], context);
}
