using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SecurityGuarantees.Cli;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;

namespace SecurityGuarantees.Tests.Reliability;

/// <summary>
/// Every input limit (docs/reliability.md) at its value and one past it, and settable through the builder, the DI
/// options and the CLI. Where the default is cheap to reach the test uses it; otherwise a small set limit stands in.
/// </summary>
public sealed class InputLimitsTests : IDisposable
{
    private const string PartyRule = "ruleset: t\nrules:\n  - id: r\n    when: [{ fact: Party, as: p }]\n    then: [{ condition: c, subject: \"{p.id}\" }]\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("sg-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Parties(int count)
    {
        var text = new StringBuilder("scenario: s\nasOf: 2025-03-12\nfacts:\n  Party:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("    - { id: P").Append(i).Append(" }\n");
        }

        return text.ToString();
    }

    private static string Rules(int count)
    {
        var text = new StringBuilder("ruleset: t\nrules:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("  - id: r").Append(i).Append("\n    when: [{ fact: Party }]\n    then: [{ condition: c").Append(i).Append(" }]\n");
        }

        return text.ToString();
    }

    private static string RuleWith(string where) =>
        "ruleset: t\nrules:\n  - id: r\n    when:\n      - fact: Proposal\n        where: '" + where + "'\n    then: [{ condition: c }]\n";

    private static Diagnostic SingleError(RuleLoadException e) => Assert.Single(e.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var limits = InputLimits.Default;
        Assert.Equal(32L * 1024 * 1024, limits.MaxFileBytes);
        Assert.Equal(250_000, limits.MaxFacts);
        Assert.Equal(10_000, limits.MaxRules);
        Assert.Equal(4_096, limits.MaxExpressionLength);
        Assert.Equal(64, limits.MaxExpressionDepth);
        Assert.Equal(10_000, FiringLimits.Default);
    }

    [Fact]
    public void TextSize_AtTheDefaultLimitLoads_OneBytePastIsRefusedBeforeParsing()
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", PartyRule).Build();
        var header = "scenario: s\nfacts: {}\n#";
        var atLimit = header + new string('x', (int)InputLimits.Default.MaxFileBytes - header.Length);
        Assert.Equal("s", engine.ParseScenario("at.yaml", atLimit).Id);

        var past = atLimit + "x";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<RuleLoadException>(() => engine.ParseScenario("past.yaml", past));
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"refusing took {watch.ElapsedMilliseconds} ms: it was parsed first");
        Assert.Equal("past.yaml: error SG0002: the text is 33,554,433 bytes; the limit is 33,554,432 bytes (hint: split it into smaller files, or raise the size limit (InputLimits.MaxFileBytes, --max-file-bytes))",
            SingleError(e).ToString());
    }

    [Theory]
    [InlineData("AddRuleText")]
    [InlineData("AddRules")]
    [InlineData("ParseScenario")]
    [InlineData("ParseTimeline")]
    [InlineData("LoadScenario")]
    public void SetFileSize_AtTheLimitLoads_OnePastIsSG0002WithPathAndLimit(string entryPoint)
    {
        var isRules = entryPoint.StartsWith("AddRule", StringComparison.Ordinal);
        var text = isRules ? PartyRule : Parties(1);
        var size = Encoding.UTF8.GetByteCount(text);
        var file = Path.Combine(_folder, "input.yaml");
        File.WriteAllText(file, text);
        var name = entryPoint is "AddRules" or "LoadScenario" ? file : "input.yaml";

        Load(entryPoint, new InputLimits { MaxFileBytes = size }, file, text);
        var e = Assert.Throws<RuleLoadException>(() => Load(entryPoint, new InputLimits { MaxFileBytes = size - 1 }, file, text));

        var what = name == file ? "file" : "text";
        Assert.Equal($"{name}: error SG0002: the {what} is {size:N0} bytes; the limit is {size - 1:N0} bytes", SingleError(e).ToString()[..SingleError(e).ToString().IndexOf(" (hint", StringComparison.Ordinal)]);
    }

    private static void Load(string entryPoint, InputLimits limits, string file, string text)
    {
        // Scenario cases use the built-in rules: embedded, they are not held to the file-size limit under test.
        var builder = new ScenarioEngineBuilder().WithLimits(limits);
        switch (entryPoint)
        {
            case "AddRuleText": builder.AddRuleText("input.yaml", text).Build(); break;
            case "AddRules": builder.AddRules(file).Build(); break;
            case "ParseScenario": builder.AddBuiltInRules().Build().ParseScenario("input.yaml", text); break;
            case "ParseTimeline": builder.AddBuiltInRules().Build().ParseTimeline("input.yaml", text); break;
            case "LoadScenario": builder.AddBuiltInRules().Build().LoadScenario(file); break;
            default: throw new ArgumentOutOfRangeException(nameof(entryPoint));
        }
    }

    [Fact]
    public void MissingFile_IsReportedOnThePath()
    {
        var missing = Path.Combine(_folder, "missing.yaml");
        var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", PartyRule).Build();
        Assert.Equal($"{missing}: error SG0001: file not found (hint: check the path)", SingleError(Assert.Throws<RuleLoadException>(() => engine.LoadScenario(missing))).ToString());
        Assert.StartsWith($"{missing}: error SG0001: file or folder not found",
            SingleError(Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRules(missing).Build())).ToString());
    }

    [Fact]
    public void Facts_AtTheLimitLoad_OnePastIsSG0002AtTheFirstFactTooMany()
    {
        var engine = new ScenarioEngineBuilder().AddRuleText("r.yaml", PartyRule).WithLimits(new InputLimits { MaxFacts = 5 }).Build();
        Assert.Equal(5, engine.ParseScenario("s.yaml", Parties(5)).Facts.Count);
        var error = SingleError(Assert.Throws<RuleLoadException>(() => engine.ParseScenario("s.yaml", Parties(6))));
        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
        Assert.Equal(new SourceLocation("s.yaml", 10, 7), error.Location);
    }

    [Fact]
    public void Rules_AtTheLimitLoad_OnePastIsSG0002AtTheFirstRuleTooMany()
    {
        var limits = new InputLimits { MaxRules = 3 };
        Assert.Equal(3, new ScenarioEngineBuilder().WithLimits(limits).AddRuleText("r.yaml", Rules(3)).Build().RuleIds.Count);
        var error = SingleError(Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().WithLimits(limits).AddRuleText("r.yaml", Rules(2)).AddRuleText("s.yaml", Rules(2)).Build()));
        Assert.Equal($"s.yaml:6:5: error SG0002: more than 3 rules in all", error.ToString()[..error.ToString().IndexOf(" (hint", StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(100)]
    public void ExpressionLength_AtTheLimitLoads_OnePastIsSG0207(int? limit)
    {
        var max = limit ?? InputLimits.Default.MaxExpressionLength;
        var builder = () => limit is null ? new ScenarioEngineBuilder() : new ScenarioEngineBuilder().WithLimits(new InputLimits { MaxExpressionLength = max });
        var at = "mutual" + new string(' ', max - "mutual".Length);
        builder().AddRuleText("r.yaml", RuleWith(at)).Build();
        var error = SingleError(Assert.Throws<RuleLoadException>(() => builder().AddRuleText("r.yaml", RuleWith(at + " ")).Build()));
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
        Assert.Contains($"at most {max} are allowed", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(8)]
    [InlineData(InputLimits.ExpressionDepthCeiling)]
    public void ExpressionDepth_AtTheLimitLoads_OnePastIsSG0207(int? limit)
    {
        var max = limit ?? InputLimits.Default.MaxExpressionDepth;
        var builder = () => limit is null ? new ScenarioEngineBuilder() : new ScenarioEngineBuilder().WithLimits(new InputLimits { MaxExpressionDepth = max });
        static string Nested(int depth) => new string('(', depth) + "mutual" + new string(')', depth);
        builder().AddRuleText("r.yaml", RuleWith(Nested(max))).Build();
        var error = SingleError(Assert.Throws<RuleLoadException>(() => builder().AddRuleText("r.yaml", RuleWith(Nested(max + 1))).Build()));
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, error.Code);
        Assert.Contains($"nests more than {max} levels", error.Message);
    }

    [Fact]
    public void ExpressionDepth_AboveTheCeiling_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InputLimits { MaxExpressionDepth = InputLimits.ExpressionDepthCeiling + 1 });

    [Fact]
    public void DefaultFirings_AtTheLimitEvaluate_OnePastIsSG0501()
    {
        // 100 parties x 100 proposals: 10,000 firings of one rule, with 200 facts (4 per fact is 800, so 10,000 is the limit).
        var engine = new ScenarioEngineBuilder()
            .AddRuleText("r.yaml", "ruleset: t\nrules:\n  - id: pairs\n    when: [{ fact: Party, as: p }, { fact: Proposal, as: q }]\n    then: [{ condition: c, subject: \"{p.id}-{q.id}\" }]\n")
            .Build();
        Scenarios.Scenario Pairs(int parties) => Scenarios.Scenario.Create("s",
            Enumerable.Range(0, parties).Select(i => (object)new Domain.Party { Id = $"P{i}" })
                .Concat(Enumerable.Range(0, 100).Select(i => new Domain.Proposal { Id = $"Q{i}", Title = "t" })),
            new DateOnly(2025, 1, 1));
        Assert.Equal(10_000, engine.Evaluate(Pairs(100)).Conditions.Count);
        Assert.Equal(DiagnosticCodes.FiringLimit, Assert.Throws<EvaluationException>(() => engine.Evaluate(Pairs(101))).Code);
    }

    [Fact]
    public void Limits_AreSettableThroughTheDIOptions()
    {
        using var provider = new ServiceCollection()
            .AddSecurityGuarantees(o =>
            {
                o.AddRuleText("r.yaml", PartyRule);
                o.Limits = new InputLimits { MaxFacts = 2 };
            })
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IScenarioEvaluator>();
        Assert.Equal(2, evaluator.ParseScenario("s.yaml", Parties(2)).Facts.Count);
        Assert.Equal(DiagnosticCodes.FileTooLarge, SingleError(Assert.Throws<RuleLoadException>(() => evaluator.ParseScenario("s.yaml", Parties(3)))).Code);
    }

    [Theory]
    [InlineData("--max-facts", "2", "more than 2 facts")]
    [InlineData("--max-file-bytes", "40", "the limit is 40 bytes")]
    [InlineData("--max-rules", "1", "more than 1 rules in all")]
    [InlineData("--max-expression-length", "3", "at most 3 are allowed")]
    [InlineData("--max-expression-depth", "1", "nests more than 1 levels")]
    public void Limits_AreSettableOnTheCommandLine(string flag, string value, string expected)
    {
        var rules = Path.Combine(_folder, "rules.yaml");
        File.WriteAllText(rules, "ruleset: t\nrules:\n  - id: a\n    when: [{ fact: Party, where: '((id)) != \"x\"' }]\n    then: [{ condition: c }]\n  - id: b\n    when: [{ fact: Party }]\n    then: [{ condition: d }]\n");
        var scenario = Path.Combine(_folder, "s.yaml");
        File.WriteAllText(scenario, Parties(3));

        var (withoutExit, _, withoutError) = Cli("evaluate", scenario, "--rules", rules);
        Assert.True(withoutExit == 0, withoutError);
        var (exitCode, _, error) = Cli("evaluate", scenario, "--rules", rules, flag, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void CommandLineLimit_OutOfRange_IsABadCommandLine()
    {
        Assert.Equal(2, Cli("evaluate", "x.yaml", "--max-facts", "0").ExitCode);
        Assert.Equal(2, Cli("evaluate", "x.yaml", "--max-expression-depth", "257").ExitCode);
    }

    private static (int ExitCode, string Out, string Error) Cli(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        return (CliApplication.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }
}
