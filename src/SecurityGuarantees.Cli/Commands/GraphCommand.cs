using System.CommandLine;

namespace SecurityGuarantees.Cli.Commands;

/// <summary><c>graph [--rules ...] [--format mermaid|dot]</c>: the rule graph on stdout.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("mermaid", "mermaid", "dot");
        var command = new Command("graph", "Print the rule graph: fact types, rules, and the conditions and next steps they derive, as Mermaid or DOT.")
        {
            rules, format,
        };
        command.SetAction(parse => Run(context, parse.GetValue(rules), parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string[]? rules, string format)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        context.Out.Write(engine.GetRuleGraph(format == "dot" ? RuleGraphFormat.Dot : RuleGraphFormat.Mermaid));
        return ExitCodes.Ok;
    }
}
