using System.Globalization;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Syntax;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Testing;

/// <summary>
/// Runs scenario files as tests: each scenario's <c>expect:</c> is checked against its evaluation, and each timeline
/// step's <c>expect:</c> against the state after that step. Thread-safe; share it as you share the engine.
/// </summary>
public sealed class ScenarioTestRunner
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    private readonly ScenarioEngine _engine;
    private readonly int? _maxFirings;

    /// <summary>Creates a runner over an engine (its rules and fact types).</summary>
    /// <param name="engine">The engine whose rules the scenarios are tested against.</param>
    /// <param name="maxFirings">The firing limit per evaluation, or <see langword="null"/> for the engine's.</param>
    public ScenarioTestRunner(ScenarioEngine engine, int? maxFirings = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _maxFirings = maxFirings;
    }

    /// <summary>
    /// The scenario files under the given paths. A file is taken as given (whatever its name; a missing one is
    /// reported when it is loaded). A folder is searched recursively for <c>*.yaml</c> and <c>*.yml</c> files with a
    /// top-level <c>scenario:</c> key (rule files and other YAML are skipped). Sorted ordinally by path within each
    /// folder, in the order the paths are given, without duplicates.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    public static IReadOnlyList<string> FindScenarioFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var found = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(IsScenarioFile)
                    .Order(StringComparer.Ordinal)
                : Enumerable.Repeat(path, 1);
            foreach (var file in found)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    /// <summary>
    /// The tests of the scenario files under the given paths (see <see cref="FindScenarioFiles"/>): per file, one for
    /// the scenario and one per timeline step with <c>expect:</c>. Reads only the YAML structure (no rules or fact
    /// types needed); a file that cannot be read gives one test named after the file, which fails with its load errors
    /// when run.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    public static IReadOnlyList<ScenarioTestCase> DiscoverTestCases(IEnumerable<string> paths)
    {
        var cases = new List<ScenarioTestCase>();
        foreach (var file in FindScenarioFiles(paths))
        {
            cases.AddRange(Outline(file));
        }

        return cases;
    }

    /// <summary>
    /// Tests every scenario file under the given paths (see <see cref="FindScenarioFiles"/>). A file with load errors
    /// (including errors in its <c>expect:</c> blocks) gives no results; its diagnostics are in
    /// <see cref="ScenarioTestRun.Diagnostics"/> and the other files still run.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    public ScenarioTestRun Run(IEnumerable<string> paths, CancellationToken cancellationToken = default) => Run(paths, null, cancellationToken);

    /// <summary>As <see cref="Run(IEnumerable{string}, CancellationToken)"/>, reporting each file when it is done (for a progress display).</summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="fileDone">Told the path of each scenario file once its tests have run; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    public ScenarioTestRun Run(IEnumerable<string> paths, IProgress<string>? fileDone, CancellationToken cancellationToken = default)
    {
        var results = new List<ScenarioTestResult>();
        var diagnostics = new List<Diagnostic>();
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in FindScenarioFiles(paths))
        {
            var run = RunFile(file, cancellationToken);
            results.AddRange(run.Results);
            diagnostics.AddRange(run.Diagnostics);
            foreach (var state in run.States)
            {
                fired.UnionWith(FiredRules(state));
            }

            expected.UnionWith(run.ExpectedConditions);
            fileDone?.Report(file);
        }

        var coverage = new ScenarioCoverage(
            [.. _engine.RuleIds.Where(id => !fired.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. DerivedConditionIds().Where(id => !expected.Contains(id)).Order(StringComparer.Ordinal)]);
        var sorted = diagnostics
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new ScenarioTestRun(results, sorted, coverage);
    }

    /// <summary>Runs one test (from <see cref="DiscoverTestCases"/>, or built by hand).</summary>
    /// <param name="testCase">The test.</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    /// <exception cref="RuleLoadException">The file has load errors (its <c>expect:</c> blocks included); all are listed.</exception>
    /// <exception cref="ArgumentException">The file has no timeline step at <see cref="ScenarioTestCase.Step"/>.</exception>
    public ScenarioTestResult RunTestCase(ScenarioTestCase testCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var run = RunFile(testCase.File, cancellationToken, keepStepsWithoutExpectations: true);
        if (run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new RuleLoadException(run.Diagnostics);
        }

        return run.Results.FirstOrDefault(r => r.TestCase.Step == testCase.Step)
            ?? throw new ArgumentException($"{testCase.File} has no timeline step {testCase.Step}", nameof(testCase));
    }

    private FileRun RunFile(string file, CancellationToken cancellationToken, bool keepStepsWithoutExpectations = false)
    {
        var diagnostics = new DiagnosticBag();
        if (!SourceFileReader.TryRead(file, _engine.Limits.Load, diagnostics, out var text))
        {
            return FileRun.Failed(diagnostics);
        }

        var types = _engine.Rules.Types;
        var scenario = ScenarioFileLoader.Load(file, text, types, _engine.Limits.Load, diagnostics);
        if (scenario is null || diagnostics.HasErrors)
        {
            TimelineParser.CheckWithoutFacts(file, text, types, _engine.Limits.Load, diagnostics);
            return FileRun.Failed(diagnostics);
        }

        var timeline = scenario.TimelineNode is null ? null : TimelineParser.Parse(scenario, types, _engine.Limits.Load, diagnostics);
        var scenarioExpectations = ExpectationParser.FromScenario(scenario, diagnostics);
        var stepExpectations = timeline?.Steps.Select(s => ExpectationParser.Parse(s.ExpectNode, diagnostics)).ToList() ?? [];
        if (diagnostics.HasErrors || (scenario.TimelineNode is not null && timeline is null))
        {
            return FileRun.Failed(diagnostics);
        }

        var expectedConditions = new[] { scenarioExpectations }.Concat(stepExpectations)
            .SelectMany(e => e?.Conditions ?? []).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var scenarioCase = new ScenarioTestCase(file, scenario.Id);
        var stepCases = timeline?.Steps
            .Select((step, i) => (Case: new ScenarioTestCase(file, scenario.Id, i + 1, step.On), Expectations: stepExpectations[i]))
            .Where(s => keepStepsWithoutExpectations || s.Expectations is not null)
            .ToList() ?? [];

        EvaluationResult initial;
        IReadOnlyList<EvaluationResult> stepStates;
        try
        {
            var options = new EvaluationOptions { MaxFirings = _maxFirings };
            if (timeline is not null)
            {
                var run = _engine.RunTimeline(timeline, options, cancellationToken);
                initial = run.Initial;
                stepStates = [.. run.Steps.Select(s => s.State)];
            }
            else
            {
                initial = _engine.Evaluate(scenario, options, cancellationToken);
                stepStates = [];
            }
        }
        catch (EvaluationException e)
        {
            var error = $"{e.Code}: {e.Message}";
            var errors = new[] { scenarioCase }.Concat(stepCases.Select(s => s.Case))
                .Select(c => new ScenarioTestResult(c, ScenarioTestOutcome.Error, null, [], error))
                .ToList();
            return new FileRun(errors, diagnostics.Items, [], expectedConditions);
        }

        var results = new List<ScenarioTestResult> { Check(scenarioCase, initial, scenarioExpectations) };
        results.AddRange(stepCases.Select(s => Check(s.Case, stepStates[s.Case.Step!.Value - 1], s.Expectations)));
        return new FileRun(results, diagnostics.Items, [initial, .. stepStates], expectedConditions);
    }

    private static ScenarioTestResult Check(ScenarioTestCase testCase, EvaluationResult result, ExpectationSet? expectations)
    {
        if (expectations is null || expectations.IsEmpty)
        {
            return new ScenarioTestResult(testCase, ScenarioTestOutcome.NoExpectations, result, []);
        }

        var failures = ExpectationChecker.Check(result, expectations);
        return new ScenarioTestResult(testCase, failures.Count == 0 ? ScenarioTestOutcome.Passed : ScenarioTestOutcome.Failed, result, failures);
    }

    private static IEnumerable<string> FiredRules(EvaluationResult result) =>
        result.Conditions.SelectMany(c => c.Justifications)
            .Concat(result.NextSteps.SelectMany(s => s.Justifications))
            .Concat(result.InsertedFacts.SelectMany(f => f.Justifications))
            .Select(j => j.Rule);

    private IEnumerable<string> DerivedConditionIds() =>
        _engine.Rules.Rules
            .SelectMany(r => r.Syntax.Then.OfType<ConditionActionSyntax>())
            .Select(a => a.Id.Text)
            .Where(id => !id.Contains('{', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Whether a YAML file has a top-level <c>scenario:</c> key (a cheap look at the text, no parsing).</summary>
    private static bool IsScenarioFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith("scenario:", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true; // let the load report it
        }

        return false;
    }

    /// <summary>The tests of one file, from its YAML structure alone.</summary>
    private static IEnumerable<ScenarioTestCase> Outline(string file)
    {
        var diagnostics = new DiagnosticBag();
        var fallback = new ScenarioTestCase(file, Path.GetFileNameWithoutExtension(file));
        if (!SourceFileReader.TryRead(file, LoadLimits.Default, diagnostics, out var text)
            || YamlTreeReader.Read(file, text, diagnostics) is not YamlMapping root)
        {
            return [fallback];
        }

        var id = root["scenario"] is YamlScalar { IsNull: false } scalar ? scalar.Value : fallback.Scenario;
        var cases = new List<ScenarioTestCase> { new(file, id) };
        if (root["timeline"] is YamlSequence steps)
        {
            for (var i = 0; i < steps.Items.Count; i++)
            {
                if (steps.Items[i] is YamlMapping step && step["expect"] is not null)
                {
                    DateOnly? on = step["on"] is YamlScalar date
                        && DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                    cases.Add(new ScenarioTestCase(file, id, i + 1, on));
                }
            }
        }

        return cases;
    }

    private sealed record FileRun(IReadOnlyList<ScenarioTestResult> Results, IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<EvaluationResult> States, IReadOnlySet<string> ExpectedConditions)
    {
        public static FileRun Failed(DiagnosticBag diagnostics) =>
            new([], diagnostics.Items, [], new HashSet<string>(StringComparer.Ordinal));
    }
}
