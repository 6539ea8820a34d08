using System.CommandLine;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>why-not &lt;scenario.yaml&gt; --rule ID | --condition ID</c>: which <c>when</c> elements matched and which did not.</summary>
internal static class WhyNotCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file." };
        var rules = CommonOptions.Rules();
        var rule = new Option<string>("--rule") { Description = "The rule to analyse." };
        var condition = new Option<string>("--condition") { Description = "Analyse every rule that derives this condition id." };
        var format = CommonOptions.Format("text", "text", "markdown", "json");
        var suggest = WhatIfOptionsCli.Suggest();
        var maxChanges = WhatIfOptionsCli.MaxChanges();
        var asOf = CommonOptions.AsOf();
        var maxFirings = CommonOptions.MaxFirings();
        var command = new Command("why-not", "Why a rule did not fire: its 'when' elements re-evaluated left to right, the bindings reached, the first failing element and the facts that came closest.")
        {
            scenario, rules, rule, condition, format, asOf, maxFirings, suggest, maxChanges,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(rule) is null) == (result.GetValue(condition) is null))
            {
                result.AddError("give exactly one of --rule and --condition");
            }

            WhatIfOptionsCli.Check(result, format, suggest, maxChanges, "--suggest");
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, parse.GetValue(scenario)!, parse.GetValue(rules), parse.GetValue(rule),
            parse.GetValue(condition), parse.GetValue(format)!, new EvaluationOptions { AsOf = parse.GetValue(asOf), MaxFirings = parse.GetValue(maxFirings) },
            parse.GetValue(suggest) ? WhatIfOptionsCli.From(parse.GetValue(maxChanges)) : null, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string path, string[]? rules, string? ruleId, string? conditionId, string format, EvaluationOptions options,
        WhatIf.WhatIfOptions? suggest, CancellationToken cancellationToken)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        if (ruleId is not null && !engine.RuleIds.Contains(ruleId))
        {
            context.WriteError($"error: no loaded rule has the id '{ruleId}'; {NameSuggester.Hint(ruleId, engine.RuleIds)}");
            return ExitCodes.Failed;
        }

        if (conditionId is not null && !engine.DerivedConditionIds.Contains(conditionId))
        {
            context.WriteError($"error: no loaded rule derives the condition '{conditionId}'; {NameSuggester.Hint(conditionId, engine.DerivedConditionIds)}");
            return ExitCodes.Failed;
        }

        if (EngineFactory.TryLoadScenario(engine, path, context) is not { } scenario)
        {
            return ExitCodes.LoadError;
        }

        try
        {
            var suggestions = suggest is null ? null
                : ruleId is not null ? engine.SuggestForRule(scenario, ruleId, suggest, options, cancellationToken)
                : engine.SuggestForCondition(scenario, conditionId!, suggest, options, cancellationToken);
            if (suggestions is not null && format == "json")
            {
                SuggestionJsonWriter.Write(suggestions, context.Out);
                return ExitCodes.Ok;
            }

            var report = ruleId is not null
                ? engine.WhyNot(scenario, ruleId, options, cancellationToken)
                : engine.WhyNotCondition(scenario, conditionId!, options, cancellationToken);
            if (format == "markdown")
            {
                WhyNotMarkdownWriter.Write(report, context.Out);
            }
            else if (format == "json")
            {
                // What the server's POST /v1/why-not returns (docs/server.md).
                WhyNotJsonWriter.Write(report, context.Out);
            }
            else
            {
                WhyNotTextWriter.Write(report, context.TextOut, path);
            }

            if (suggestions is not null)
            {
                context.Out.Write("\n");
                SuggestionTextWriter.Write(suggestions, context.Out, markdown: format == "markdown");
            }

            return ExitCodes.Ok;
        }
        catch (EvaluationException e)
        {
            context.WriteError($"{scenario.SourcePath}: error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
