using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Cli;

/// <summary>Builds the engine from the --rules options, printing load diagnostics compiler-style.</summary>
internal static class EngineFactory
{
    public static ScenarioEngine? TryBuild(IReadOnlyList<string>? rules, CliContext context)
    {
        var builder = new ScenarioEngineBuilder().WithLimits(context.Limits);
        foreach (var rule in rules ?? [])
        {
            builder.AddRules(rule);
        }

        try
        {
            var engine = builder.Build();
            foreach (var warning in engine.Warnings)
            {
                context.WriteError(warning.ToString());
            }

            return engine;
        }
        catch (RuleLoadException e)
        {
            PrintDiagnostics(e.Diagnostics, context);
            return null;
        }
    }

    /// <summary>Loads a scenario, or prints its diagnostics compiler-style and returns <see langword="null"/>.</summary>
    public static Scenarios.Scenario? TryLoadScenario(ScenarioEngine engine, string path, CliContext context)
    {
        try
        {
            return engine.LoadScenario(path);
        }
        catch (RuleLoadException e)
        {
            PrintDiagnostics(e.Diagnostics, context);
            return null;
        }
    }

    public static void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, CliContext context)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.WriteError(diagnostic.ToString());
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        context.WriteError($"{errors} error(s), {diagnostics.Count - errors} warning(s)");
    }
}
