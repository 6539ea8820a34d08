using BenchmarkDotNet.Attributes;
using SecurityGuarantees.Domain;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Benchmarks;

/// <summary>The five rules four ways at seed size, 1,000 and 10,000 proposals (conclusions asserted identical in setup).</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private BenchData _data = null!;
    private Scenario _scenario = null!;
    private YamlImplementation _ours = null!;
    private FluentImplementation _fluent = null!;
    private RulesEngineImplementation _rulesEngine = null!;

    [Params(BenchData.SeedProposals, 1_000, 10_000)]
    public int Proposals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchData.Generate(Proposals);
        _scenario = YamlImplementation.ToScenario(_data);
        _ours = YamlImplementation.CreateFiveRules();
        _fluent = FluentImplementation.Create();
        _rulesEngine = RulesEngineImplementation.Create();
        Conclusions.AssertSame($"{Proposals} proposals", [("ours", _ours.Conclude(_scenario)), ("NRules Fluent", _fluent.Conclude(_data)),
            ("RulesEngine", _rulesEngine.Conclude(_data)), ("plain C#", PlainImplementation.Conclude(_data))]);
    }

    [Benchmark(Baseline = true)]
    public object NRulesFluent() => _fluent.Evaluate(_data);

    [Benchmark]
    public object OursYaml() => _ours.Evaluate(_scenario);

    [Benchmark]
    public object RulesEngine() => _rulesEngine.Evaluate(_data);

    [Benchmark]
    public object PlainCSharp() => PlainImplementation.Evaluate(_data);
}

/// <summary>The shipped rule set at growing sizes (target 1: ≤ 12× time for 10× data).</summary>
[MemoryDiagnoser]
public class ShippedRulesBenchmarks
{
    private Scenario _scenario = null!;
    private YamlImplementation _ours = null!;

    [Params(BenchData.SeedProposals, 100, 1_000, 10_000)]
    public int Proposals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = YamlImplementation.ToScenario(BenchData.Generate(Proposals));
        _ours = YamlImplementation.CreateShipped();
    }

    [Benchmark]
    public object Shipped() => _ours.Evaluate(_scenario);
}

/// <summary>Load + type-check + compile of generated YAML rules vs NRules Fluent load + default compile (target 3).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _yaml = "";

    [Params(10, 100, 1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup() => _yaml = YamlImplementation.GenerateRules(Rules);

    [Benchmark(Baseline = true)]
    public object NRulesFluentDefault() => FluentImplementation.CompileGenerated(Rules);

    [Benchmark]
    public object OursFastExpressionCompiler() => YamlImplementation.Compile(_yaml, fastExpressionCompiler: true);

    [Benchmark]
    public object OursFrameworkCompiler() => YamlImplementation.Compile(_yaml, fastExpressionCompiler: false);
}

/// <summary>One timeline step in a 1,000-proposal session vs evaluating from scratch (target 4).</summary>
public class TimelineBenchmarks
{
    private Scenario _scenario = null!;
    private YamlImplementation _ours = null!;
    private SessionProbe _probe = null!;
    private Position _accepted = null!;
    private Position _pending = null!;
    private bool _flip;

    [Params("five", "shipped")]
    public string RuleSet { get; set; } = "five";

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.Generate(1_000);
        _scenario = YamlImplementation.ToScenario(data);
        _ours = RuleSet == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
        var target = data.Proposals.First(p => p.Kind == ProposalKind.Ceasefire && p.Mutual && !data.Positions.Any(x => x.Proposal == p.Id && x.Party == "RU"));
        _accepted = new Position { Proposal = target.Id, Party = "RU", Stance = Stance.Accepted, Since = BenchData.AsOf };
        _pending = _accepted with { Stance = Stance.Pending };
        _probe = new SessionProbe(_ours.Engine, _scenario);
        _probe.Insert([_pending]);
        _probe.Fire();
    }

    [Benchmark(Baseline = true)]
    public object FromScratch() => _ours.Evaluate(_scenario);

    [Benchmark]
    public object Step()
    {
        _probe.Update([(_flip = !_flip) ? _accepted : _pending]);
        _probe.SetToday(BenchData.AsOf, first: false);
        _probe.Fire();
        return _probe.Snapshot(_scenario.Id, BenchData.AsOf);
    }

    [Benchmark]
    public void StepWithoutSnapshot()
    {
        _probe.Update([(_flip = !_flip) ? _accepted : _pending]);
        _probe.Fire();
    }
}

/// <summary>1,000 seed-size scenarios on one engine: all cores vs one (target 6).</summary>
public class ParallelBenchmarks
{
    private List<Scenario> _scenarios = null!;
    private YamlImplementation _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ours = YamlImplementation.CreateShipped();
        _scenarios = [.. Enumerable.Range(0, 1_000).Select(i => YamlImplementation.ToScenario(BenchData.Generate(BenchData.SeedProposals, seed: i)))];
    }

    [Benchmark(Baseline = true)]
    public void OneCore()
    {
        foreach (var s in _scenarios)
        {
            _ours.Evaluate(s);
        }
    }

    [Benchmark]
    public void AllCores() =>
        Parallel.ForEach(_scenarios, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s => _ours.Evaluate(s));
}
