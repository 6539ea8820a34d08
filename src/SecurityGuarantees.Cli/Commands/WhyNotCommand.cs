using System.CommandLine;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Explanations;
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
        var format = CommonOptions.Format("text", "text", "markdown");
        var asOf = CommonOptions.AsOf();
        var maxFirings = CommonOptions.MaxFirings();
        var command = new Command("why-not", "Why a rule did not fire: its 'when' elements re-evaluated left to right, the bindings reached, the first failing element and the facts that came closest.")
        {
            scenario, rules, rule, condition, format, asOf, maxFirings,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(rule) is null) == (result.GetValue(condition) is null))
            {
                result.AddError("give exactly one of --rule and --condition");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(context, parse.GetValue(scenario)!, parse.GetValue(rules), parse.GetValue(rule),
            parse.GetValue(condition), parse.GetValue(format)!, new EvaluationOptions { AsOf = parse.GetValue(asOf), MaxFirings = parse.GetValue(maxFirings) },
            cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string path, string[]? rules, string? ruleId, string? conditionId, string format, EvaluationOptions options,
        CancellationToken cancellationToken)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        if (ruleId is not null && !engine.RuleIds.Contains(ruleId))
        {
            context.WriteError($"error: no loaded rule has the id '{ruleId}'; {Hint(ruleId, engine.RuleIds)}");
            return ExitCodes.Failed;
        }

        if (conditionId is not null && !engine.DerivedConditionIds.Contains(conditionId))
        {
            context.WriteError($"error: no loaded rule derives the condition '{conditionId}'; {Hint(conditionId, engine.DerivedConditionIds)}");
            return ExitCodes.Failed;
        }

        Scenario scenario;
        try
        {
            scenario = engine.LoadScenario(path);
        }
        catch (RuleLoadException e)
        {
            EngineFactory.PrintDiagnostics(e.Diagnostics, context);
            return ExitCodes.LoadError;
        }

        try
        {
            var report = ruleId is not null
                ? engine.WhyNot(scenario, ruleId, options, cancellationToken)
                : engine.WhyNotCondition(scenario, conditionId!, options, cancellationToken);
            if (format == "markdown")
            {
                WhyNotMarkdownWriter.Write(report, context.Out);
            }
            else
            {
                WhyNotTextWriter.Write(report, context.Out, path);
            }

            return ExitCodes.Ok;
        }
        catch (EvaluationException e)
        {
            context.WriteError($"{scenario.SourcePath}: error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>"did you mean 'x'?" for the closest name, else the list of names.</summary>
    internal static string Hint(string input, IReadOnlyList<string> names)
    {
        var closest = Closest(input, names);
        if (closest is not null)
        {
            return $"did you mean '{closest}'?";
        }

        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count > 12 ? $"known: {string.Join(", ", sorted.Take(12))}, ..." : $"known: {string.Join(", ", sorted)}";
    }

    /// <summary>The name within a small edit distance of <paramref name="input"/> (a third of its length, at least 2), or null.</summary>
    internal static string? Closest(string input, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: Distance(input, n)))
            .Where(x => x.Distance <= Math.Max(2, input.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
