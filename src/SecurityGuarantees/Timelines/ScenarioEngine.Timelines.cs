using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Evaluation;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees;

/// <summary>Timelines: a scenario's <c>timeline:</c> steps, applied one after another to one session.</summary>
public sealed partial class ScenarioEngine
{
    /// <summary>
    /// Loads a scenario file with its <c>timeline:</c>, checking both: the scenario's facts and every step's dates and
    /// changes. Problems in either are reported together.
    /// </summary>
    /// <param name="path">The scenario file.</param>
    /// <exception cref="RuleLoadException">The file has errors; all of them are listed.</exception>
    public Timeline LoadTimeline(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var diagnostics = new DiagnosticBag();
        if (!SourceFileReader.TryRead(path, Limits.Load, diagnostics, out var text))
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return ParseTimeline(path, text, diagnostics);
    }

    /// <summary>Reads a scenario with its <c>timeline:</c> from YAML text; see <see cref="LoadTimeline(string)"/>.</summary>
    /// <param name="sourceName">The name diagnostics use for the text.</param>
    /// <param name="yaml">The scenario file content.</param>
    /// <exception cref="RuleLoadException">The text has errors; all of them are listed.</exception>
    public Timeline ParseTimeline(string sourceName, string yaml)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        if (!SourceFileReader.CheckText(sourceName, yaml, Limits.Load, diagnostics))
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return ParseTimeline(sourceName, yaml, diagnostics);
    }

    /// <summary>
    /// Reads and checks the <c>timeline:</c> of an already loaded scenario (a scenario without one, or built in code,
    /// has a timeline without steps).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="RuleLoadException">The timeline has errors; all of them are listed.</exception>
    public Timeline ReadTimeline(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var diagnostics = new DiagnosticBag();
        var timeline = TimelineParser.Parse(scenario, Rules.Types, Limits.Load, diagnostics);
        if (timeline is null || diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return timeline;
    }

    /// <summary>
    /// Runs a timeline on one session: evaluates the scenario at its <c>asOf</c>, then applies each step (retractions,
    /// updates, insertions), moves <c>Today</c> to the step's date and fires again, incrementally. Reports what held
    /// first, what each step added, removed and changed, and what holds at the end.
    /// </summary>
    /// <param name="timeline">The timeline, from <see cref="LoadTimeline(string)"/> or <see cref="ReadTimeline(Scenario)"/>.</param>
    /// <param name="options">Overrides for this run; <see cref="EvaluationOptions.AsOf"/> must be unset (the file dates the steps).</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted, at any step.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public TimelineResult RunTimeline(Timeline timeline, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (options?.AsOf is not null)
        {
            throw new ArgumentException("a timeline starts at its scenario's asOf and its steps carry their own dates; leave EvaluationOptions.AsOf unset", nameof(options));
        }

        var asOf = ResolveAsOf(timeline.Scenario, options);
        // A timeline that starts small may grow: its network is chosen by the facts it holds once every step has inserted.
        var facts = timeline.Scenario.Facts.Count + timeline.Steps.Sum(s => s.Insertions.Count);
        return InBatchesOrStepwise(batches =>
            TimelineRunner.Run(CreateSession(timeline.Scenario, options, facts, batches), timeline, asOf, Rules.Types, cancellationToken));
    }

    /// <summary>Reads the scenario's <c>timeline:</c> and runs it; see <see cref="RunTimeline(Timeline, EvaluationOptions?, CancellationToken)"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Overrides for this run; <see cref="EvaluationOptions.AsOf"/> must be unset.</param>
    /// <param name="cancellationToken">Stops the run between rule firings.</param>
    /// <exception cref="RuleLoadException">The timeline has errors; all of them are listed.</exception>
    /// <exception cref="EvaluationException">The firing limit was reached or a rule faulted, at any step.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public TimelineResult RunTimeline(Scenario scenario, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        RunTimeline(ReadTimeline(scenario), options, cancellationToken);

    private Timeline ParseTimeline(string sourceName, string yaml, DiagnosticBag diagnostics)
    {
        var scenario = ScenarioFileLoader.Load(sourceName, yaml, Rules.Types, Limits.Load, diagnostics);
        Timeline? timeline = null;
        if (scenario is not null && !diagnostics.HasErrors)
        {
            timeline = TimelineParser.Parse(scenario, Rules.Types, Limits.Load, diagnostics);
        }
        else
        {
            TimelineParser.CheckWithoutFacts(sourceName, yaml, Rules.Types, Limits.Load, diagnostics);
        }

        if (timeline is null || diagnostics.HasErrors)
        {
            throw new RuleLoadException(diagnostics.Sorted());
        }

        return timeline;
    }
}
