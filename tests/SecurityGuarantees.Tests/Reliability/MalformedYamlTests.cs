using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SecurityGuarantees.Cli;
using SecurityGuarantees.DependencyInjection;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Tests.Reliability;

/// <summary>
/// The three minimal inputs a mutation fuzzer found (issue 12) that escaped as raw exceptions from YamlDotNet's scanner
/// and our tree reader. Through every entry point each one must give a located SG0101/SG0114 diagnostic instead.
/// </summary>
public sealed class MalformedYamlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sg-malformed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        string[] inputs = ["  - {[[\ns", " - {\u0085t", "\n : s"];
        string[] entryPoints = ["AddRules", "AddRuleText", "LoadScenario", "ParseScenario", "LoadTimeline", "ParseTimeline", "CliEvaluate", "CliRules", "StartupValidation", "HotReload"];
        foreach (var input in inputs)
        {
            foreach (var entryPoint in entryPoints)
            {
                data.Add(entryPoint, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task MinimalFuzzerInput_GivesALocatedYamlDiagnostic(string entryPoint, string yaml)
    {
        var file = Path.Combine(_folder, "input.yaml");
        File.WriteAllText(file, yaml);
        var diagnostics = await LoadThrough(entryPoint, file, yaml);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(error.Code, new[] { DiagnosticCodes.YamlSyntax, DiagnosticCodes.YamlUnreadable });
        Assert.True(error.Location.Line > 0 && error.Location.Column > 0, error.ToString());
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void ScannerFailure_IsSG0114AtThePositionReached()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText("r.yaml", "  - {[[\ns").Build());
        var error = Assert.Single(e.Diagnostics);
        Assert.Equal("r.yaml:2:1: error SG0114: the YAML parser cannot read the text here (hint: check for an unclosed '[' or '{', or a stray control character, before this position; quote values that start with '[' or '{')", error.ToString());
    }

    [Fact]
    public void KeyWithoutName_IsSG0101NotACastFailure()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText("r.yaml", "\n : s").Build());
        var error = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal("r.yaml:2:3: error SG0101: YAML syntax error: a map entry without a key or value here (hint: check indentation around this position; a key needs a name before ':')", error.ToString());
    }

    private async Task<IReadOnlyList<Diagnostic>> LoadThrough(string entryPoint, string file, string yaml)
    {
        var engine = new ScenarioEngineBuilder().Build();
        switch (entryPoint)
        {
            case "AddRules":
                return Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRules(file).Build()).Diagnostics;
            case "AddRuleText":
                return Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText("input.yaml", yaml).Build()).Diagnostics;
            case "LoadScenario":
                return Assert.Throws<RuleLoadException>(() => engine.LoadScenario(file)).Diagnostics;
            case "ParseScenario":
                return Assert.Throws<RuleLoadException>(() => engine.ParseScenario("input.yaml", yaml)).Diagnostics;
            case "LoadTimeline":
                return Assert.Throws<RuleLoadException>(() => engine.LoadTimeline(file)).Diagnostics;
            case "ParseTimeline":
                return Assert.Throws<RuleLoadException>(() => engine.ParseTimeline("input.yaml", yaml)).Diagnostics;
            case "CliEvaluate":
                return RunCli("evaluate", file);
            case "CliRules":
                return RunCli("evaluate", Support.TestPaths.Fixture("scenarios/jeddah.yaml"), "--rules", file);
            case "StartupValidation":
            {
                var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                builder.Services.AddSecurityGuarantees(o => o.AddRules(file));
                using var host = builder.Build();
                return (await Assert.ThrowsAsync<RuleLoadException>(() => host.StartAsync())).Diagnostics;
            }

            case "HotReload":
            {
                File.WriteAllText(file, "ruleset: r\nrules:\n  - id: r\n    when: [{ fact: Proposal }]\n    then: [{ condition: c }]\n");
                using var provider = new ServiceCollection().AddSecurityGuarantees(o => o.AddRules(file)).BuildServiceProvider();
                var holder = provider.GetRequiredService<ScenarioEngineHolder>();
                Assert.Single(holder.Current.RuleIds);
                File.WriteAllText(file, yaml);
                var result = holder.ReloadNow();
                Assert.False(result.Succeeded);
                Assert.Null(result.Error);
                Assert.Single(holder.Current.RuleIds);
                return result.Diagnostics;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(entryPoint));
        }
    }

    private static IReadOnlyList<Diagnostic> RunCli(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr);
        var error = stderr.ToString();
        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("unexpected failure", error);
        Assert.DoesNotContain("   at ", error);

        // Parse the compiler-style lines back: file:line:column: error CODE: message (hint: ...)
        var match = System.Text.RegularExpressions.Regex.Match(error, @":(\d+):(\d+): error (SG\d{4}): (.*?)( \(hint: (.*)\))?$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(match.Success, error);
        var hint = match.Groups[6].Success ? match.Groups[6].Value : null;
        return [new Diagnostic(match.Groups[3].Value, DiagnosticSeverity.Error, match.Groups[4].Value,
            new SourceLocation("cli", int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), hint)];
    }
}
