using System.CommandLine;
using System.Text;

namespace SecurityGuarantees.Cli.Commands;

/// <summary>
/// <c>schema [--out dir] [--rules ...]</c>: writes <c>rules.schema.json</c> and <c>scenario.schema.json</c> (JSON Schema
/// draft 2020-12) generated from the registered fact types. stdout lists the files written.
/// </summary>
internal static class SchemaCommand
{
    public const string RuleFileName = "rules.schema.json";
    public const string ScenarioFileName = "scenario.schema.json";

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out")
        {
            Description = "The folder to write rules.schema.json and scenario.schema.json to (created if missing). Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var rules = CommonOptions.Rules();
        var command = new Command("schema", "Write JSON Schemas of rule files and scenario files for editors (yaml-language-server).")
        {
            output, rules,
        };
        command.SetAction(parse => Run(context, parse.GetValue(output)!, parse.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string folder, string[]? rules)
    {
        var engine = EngineFactory.TryBuild(rules, context);
        if (engine is null)
        {
            return ExitCodes.LoadError;
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in new[] { (RuleFileName, engine.GetRuleFileSchema()), (ScenarioFileName, engine.GetScenarioFileSchema()) })
            {
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, text, utf8);
                context.Out.Write(path + "\n");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.WriteError($"error: cannot write the schemas to '{folder}': {e.Message}");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }
}
