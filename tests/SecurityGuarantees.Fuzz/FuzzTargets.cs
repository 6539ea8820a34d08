using System.Text;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Fuzz;

/// <summary>
/// The three fuzz targets. Each one feeds untrusted text to a public loader the way a host would and lets through only
/// the documented outcomes: a <see cref="RuleLoadException"/> (the diagnostics exception) or, for evaluations, an
/// <see cref="EvaluationException"/>. Anything else escapes, and the fuzzer records it as a crash.
/// </summary>
internal static class FuzzTargets
{
    public static readonly string[] Names = ["rules", "scenario", "expression"];

    // One shipped rule file, not all of them: a process the fuzzer restarts must be ready within the 2 s budget; and the
    // example's declared types (SanctionPackage, PackageStatus), so scenarios may hold declared facts too.
    private static readonly Lazy<ScenarioEngine> BuiltIn = new(() => new ScenarioEngineBuilder()
        .AddRules(Path.Combine(AppContext.BaseDirectory, "rules", "ceasefire.yaml"))
        .AddRules(Path.Combine(AppContext.BaseDirectory, "rules", "sanctions-types.yaml")).Build());

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>An input that takes longer than this fails the run.</summary>
    public static readonly TimeSpan InputBudget = TimeSpan.FromSeconds(2);

    private static bool _warm;

    public static Action<string> Get(string name) => Timed(name switch
    {
        "rules" => Rules,
        "scenario" => Scenario,
        "expression" => Expression,
        _ => throw new ArgumentException($"unknown target '{name}'; use one of: {string.Join(", ", Names)}"),
    });

    /// <summary>
    /// Times each input in process and fails it past <see cref="InputBudget"/>. The first input of a process is exempt:
    /// it pays for the JIT and the engine build, which a restarted fuzzing process repeats. (afl-fuzz's own timeout,
    /// set higher, catches an input that never ends.)
    /// </summary>
    private static Action<string> Timed(Action<string> target) => text =>
    {
        if (!_warm)
        {
            Warm();
            target(text);
            _warm = true;
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        target(text);
        if (watch.Elapsed > InputBudget)
        {
            throw new TimeoutException($"the input took {watch.Elapsed.TotalSeconds:F1} s; the budget is {InputBudget.TotalSeconds} s");
        }
    };

    public static string Decode(Stream stream)
    {
        using var reader = new StreamReader(stream, Utf8);
        return reader.ReadToEnd();
    }

    /// <summary>Warms the built-in engine up, so the first input's time is not the engine's build.</summary>
    public static void Warm() => _ = BuiltIn.Value;

    /// <summary>A rule file: loaded, type-checked and compiled.</summary>
    private static void Rules(string text)
    {
        try
        {
            new ScenarioEngineBuilder().AddRuleText("fuzz.yaml", text).Build();
        }
        catch (RuleLoadException e)
        {
            CheckLocated(e);
        }
    }

    /// <summary>
    /// A scenario file with its timeline: loaded against the built-in vocabulary and the example's declared types and, if
    /// it loads, run on the ceasefire rules.
    /// </summary>
    private static void Scenario(string text)
    {
        var engine = BuiltIn.Value;
        try
        {
            var timeline = engine.ParseTimeline("fuzz.yaml", text);
            engine.RunTimeline(timeline, new EvaluationOptions { MaxFirings = 2_000 });
        }
        catch (RuleLoadException e)
        {
            CheckLocated(e);
        }
        catch (EvaluationException)
        {
            // the documented outcome of a firing limit or a run-time fault
        }
    }

    /// <summary>An expression: parsed on its own and, when it parses, bound and compiled as the <c>where</c> of a rule.</summary>
    private static void Expression(string text)
    {
        var diagnostics = new DiagnosticBag();
        if (ExpressionParser.Parse(text, new SourceLocation("fuzz", 1, 1), diagnostics) is null)
        {
            if (!diagnostics.HasErrors)
            {
                throw new InvalidOperationException("the expression parser failed without a diagnostic");
            }

            return;
        }

        // A literal block scalar keeps the text as it is (YAML refuses some control characters: that is SG0101).
        var indented = string.Join("\n", text.Split('\n').Select(line => "        " + line));
        var rule = $"ruleset: fuzz\nrules:\n  - id: r\n    when:\n      - fact: Proposal\n        as: p\n        where: |-\n{indented}\n    then: [{{ condition: c }}]\n";
        Rules(rule);
    }

    /// <summary>The promise of the diagnostics: every error has a code, and none is a raw exception in disguise.</summary>
    private static void CheckLocated(RuleLoadException e)
    {
        foreach (var d in e.Diagnostics)
        {
            if (d.Code.Length != 6 || !d.Code.StartsWith("SG", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"diagnostic without a code: {d}");
            }
        }
    }
}
