using SecurityGuarantees.Benchmarks;

if (args.Contains("--hello"))
{
    return 0; // the hello-world baseline of the cold-start fallback
}

var data = BenchData.Generate(BenchData.SeedProposals);
var scenario = YamlImplementation.ToScenario(data);
var ours = YamlImplementation.CreateFiveRules().Conclude(scenario);
var fluent = FluentImplementation.Create().Conclude(data);
var re = RulesEngineImplementation.Create().Conclude(data);
var plain = PlainImplementation.Conclude(data);
Console.WriteLine(Conclusions.AssertSame("seed", [("ours", ours), ("fluent", fluent), ("rulesengine", re), ("plain", plain)]));
return 0;
