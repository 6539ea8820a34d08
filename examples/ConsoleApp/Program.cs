// Loads the built-in rules plus a rule file of our own over a fact type of our own, evaluates a scenario and prints
// what holds, with the reasons why.
using ConsoleApp;
using SecurityGuarantees;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Reporting;

var scenarioPath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "scenario.yaml");

ScenarioEngine engine;
try
{
    engine = new ScenarioEngineBuilder()
        .AddBuiltInRules()
        .AddRules(Path.Combine(AppContext.BaseDirectory, "rules"))
        .AddFactType<SanctionPackage>()
        .Build();
}
catch (RuleLoadException e)
{
    // Every problem at once, compiler-style: file:line:column: error SGxxxx: message (hint: ...)
    foreach (var diagnostic in e.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 2;
}

Console.WriteLine($"Loaded {engine.RuleIds.Count} rules");
var result = engine.Evaluate(engine.LoadScenario(scenarioPath));
TextReportWriter.Write(result, Console.Out);
return 0;
