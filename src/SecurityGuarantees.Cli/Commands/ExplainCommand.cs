using System.CommandLine;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Explanations;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>explain &lt;scenario.yaml&gt;</c>: the justification tree of a conclusion (or of every conclusion).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file." };
        var rules = CommonOptions.Rules();
        var condition = new Option<string>("--condition") { Description = "Explain the condition with this id." };
        var nextStep = new Option<string>("--next-step") { Description = "Explain the next step with this id." };
        var subject = new Option<string>("--subject") { Description = "Only the conclusion about this subject." };
        var actor = new Option<string>("--actor") { Description = "Only the next step for this actor." };
        var format = CommonOptions.Format("text", "text", "markdown", "mermaid", "json");
        var whatStops = WhatIfOptionsCli.WhatStops();
        var maxChanges = WhatIfOptionsCli.MaxChanges();
        var asOf = CommonOptions.AsOf();
        var maxFirings = CommonOptions.MaxFirings();
        var command = new Command("explain", "Explain why conclusions hold: the rules, the facts they matched (with file:line) and, recursively, why matched conditions hold.")
        {
            scenario, rules, condition, nextStep, subject, actor, format, asOf, maxFirings, whatStops, maxChanges,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(condition) is not null && result.GetValue(nextStep) is not null)
            {
                result.AddError("give --condition or --next-step, not both");
            }

            if (result.GetValue(whatStops) && result.GetValue(condition) is null)
            {
                result.AddError("--what-stops needs --condition");
            }

            WhatIfOptionsCli.Check(result, format, whatStops, maxChanges, "--what-stops");
            if (result.GetValue(whatStops) && result.GetValue(format) == "mermaid")
            {
                result.AddError("--what-stops writes text, markdown or json");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, parse.GetValue(scenario)!, parse.GetValue(rules),
            new ExplanationQuery { Condition = parse.GetValue(condition), NextStep = parse.GetValue(nextStep), Subject = parse.GetValue(subject), Actor = parse.GetValue(actor) },
            parse.GetValue(format)!, new EvaluationOptions { AsOf = parse.GetValue(asOf), MaxFirings = parse.GetValue(maxFirings) },
            parse.GetValue(whatStops) ? WhatIfOptionsCli.From(parse.GetValue(maxChanges)) : null, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string path, string[]? rules, ExplanationQuery query, string format, EvaluationOptions options,
        WhatIf.WhatIfOptions? whatStops, CancellationToken cancellationToken)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        if (EngineFactory.TryLoadScenario(engine, path, context) is not { } scenario)
        {
            return ExitCodes.LoadError;
        }

        try
        {
            var explanation = engine.Explain(scenario, query, options, cancellationToken);
            if (explanation.Conclusions.Count == 0 && (query.Condition ?? query.NextStep) is not null)
            {
                ReportNothingHolds(context, engine, scenario, path, query, options, cancellationToken);
                return ExitCodes.Failed;
            }

            if (whatStops is not null)
            {
                var stops = engine.WhatStops(scenario, query.Condition!, query.Subject, whatStops, options, cancellationToken);
                if (format == "json")
                {
                    SuggestionJsonWriter.Write(stops, context.Out);
                    return ExitCodes.Ok;
                }

                WriteExplanation(explanation, format, context);
                context.Out.Write("\n");
                SuggestionTextWriter.Write(stops, context.Out, markdown: format == "markdown");
                return ExitCodes.Ok;
            }

            WriteExplanation(explanation, format, context);
            return ExitCodes.Ok;
        }
        catch (EvaluationException e)
        {
            context.WriteError($"{scenario.SourcePath}: error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void WriteExplanation(Explanation explanation, string format, CliContext context)
    {
        switch (format)
        {
            case "markdown":
                ExplanationMarkdownWriter.Write(explanation, context.Out);
                break;
            case "mermaid":
                ExplanationMermaidWriter.Write(explanation, context.Out);
                break;
            case "json":
                // What the server's POST /v1/explain returns (docs/server.md).
                ExplanationJsonWriter.Write(explanation, context.Out);
                break;
            default:
                ExplanationTextWriter.Write(explanation, context.TextOut);
                break;
        }
    }

    private static void ReportNothingHolds(CliContext context, ScenarioEngine engine, Scenario scenario, string path, ExplanationQuery query,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        var result = engine.Evaluate(scenario, options, cancellationToken);
        var isCondition = query.Condition is not null;
        var id = (query.Condition ?? query.NextStep)!;
        var what = isCondition ? "condition" : "next step";
        var narrowed = (query.Subject is null ? "" : $" about '{query.Subject}'") + (query.Actor is null ? "" : $" for '{query.Actor}'");
        var holding = isCondition
            ? result.Conditions.Select(c => c.Subject is null ? c.Id : $"{c.Id} ({c.Subject})").ToList()
            : result.NextSteps.Select(n => $"{n.Id} -> {n.Actor ?? "(anyone)"}{(n.Subject is null ? "" : $" ({n.Subject})")}").ToList();
        var ids = isCondition ? result.Conditions.Select(c => c.Id).Distinct().ToList() : result.NextSteps.Select(n => n.Id).Distinct().ToList();
        context.WriteError($"error: {what} '{id}'{narrowed} does not hold in scenario {scenario.Id}");
        if (ids.Contains(id))
        {
            context.WriteError($"'{id}' holds for other subjects or actors: {string.Join(", ", holding.Where(h => h.StartsWith(id + " ", StringComparison.Ordinal)))}");
        }
        else if (NameSuggester.Closest(id, ids) is { } closest)
        {
            context.WriteError($"did you mean '{closest}'?");
        }

        context.WriteError(holding.Count == 0
            ? $"no {what}s hold"
            : $"{what}s that hold: {string.Join(", ", holding)}");
        if (isCondition && engine.DerivedConditionIds.Contains(id))
        {
            context.WriteError($"to see why it does not hold, run: security-guarantees why-not {path} --condition {id}");
        }
        else if (isCondition)
        {
            context.WriteError($"no loaded rule derives '{id}'" + (NameSuggester.Closest(id, engine.DerivedConditionIds) is { } derived ? $"; did you mean '{derived}'?" : ""));
        }
    }
}
