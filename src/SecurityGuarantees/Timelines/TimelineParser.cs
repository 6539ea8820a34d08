using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// Reads and checks a scenario's <c>timeline:</c> section. Steps are a list of maps with <c>on:</c> (a date, strictly
/// increasing, not before <c>asOf</c>), optional <c>note:</c>, <c>retract:</c>, <c>update:</c> and <c>insert:</c> (maps of
/// fact type to a list of facts) and <c>expect:</c> (kept raw). Changes are checked in the order they apply —
/// retractions, then updates, then insertions — against the facts as they stand at that point, so every problem is
/// reported in one pass with its position.
/// </summary>
internal static class TimelineParser
{
    /// <summary>At most this many steps: each step fires and keeps a snapshot, so a hostile file must not hold millions.</summary>
    public const int MaxSteps = 10_000;

    private static readonly string[] StepKeys = ["on", "note", "retract", "update", "insert", "expect"];

    /// <summary>Reads the timeline of a loaded scenario; <see langword="null"/> when it has errors (all reported).</summary>
    public static Timeline? Parse(Scenario scenario, FactTypeRegistry types, LoadLimits limits, DiagnosticBag diagnostics)
    {
        var state = TimelineFactState.FromScenario(scenario, types);
        if (scenario.TimelineNode is null)
        {
            return new Timeline(scenario, [], state.Facts);
        }

        var errorsBefore = ErrorCount(diagnostics);
        var steps = ReadSteps(scenario.TimelineNode, scenario.AsOf, asOfWritten: scenario.AsOf is not null, types, limits, state, diagnostics);
        return ErrorCount(diagnostics) > errorsBefore ? null : new Timeline(scenario, steps, state.Facts);
    }

    /// <summary>
    /// Checks the timeline of a scenario file that failed to load, so its problems are reported in the same pass. The
    /// facts are unknown, so keys are not checked against them.
    /// </summary>
    public static void CheckWithoutFacts(string file, string text, FactTypeRegistry types, LoadLimits limits, DiagnosticBag diagnostics)
    {
        var scratch = new DiagnosticBag();
        if (YamlTreeReader.Read(file, text, scratch) is not YamlMapping root || root["timeline"] is not { } timeline)
        {
            return;
        }

        var asOfNode = root["asOf"];
        var asOf = asOfNode is YamlScalar scalar ? ScenarioFileLoader.ReadDate(scalar, "asOf", scratch) : null;
        var asOfWritten = asOfNode is not null and not YamlScalar { IsNull: true };
        ReadSteps(timeline, asOf, asOfWritten, types, limits, state: null, diagnostics);
    }

    private static List<TimelineStep> ReadSteps(YamlNode node, DateOnly? asOf, bool asOfWritten, FactTypeRegistry types, LoadLimits limits,
        TimelineFactState? state, DiagnosticBag diagnostics)
    {
        var steps = new List<TimelineStep>();
        IReadOnlyList<YamlNode> items;
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                return steps;
            case YamlSequence sequence:
                items = sequence.Items;
                break;
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'timeline' must be a list of steps, not {node.KindName}",
                    "start each step with '- on: yyyy-mm-dd'");
                return steps;
        }

        if (items.Count > MaxSteps)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, items[MaxSteps].Location, $"more than {MaxSteps} timeline steps",
                "split the timeline into several scenario files, each starting where the previous one ends");
            return steps;
        }

        if (items.Count > 0 && !asOfWritten)
        {
            diagnostics.Error(DiagnosticCodes.TimelineError, node.Location, "a scenario with a timeline needs an 'asOf:' date",
                "add 'asOf: yyyy-mm-dd': the state before the first step is the state on that date");
        }

        var allFacts = new List<object>();
        (DateOnly Date, int Line)? previous = null;
        foreach (var item in items)
        {
            var step = ReadStep(item, asOf, previous, types, limits, state, allFacts, diagnostics);
            if (step.On is { } on)
            {
                previous = (on, item.Location.Line);
            }

            if (step.Step is not null)
            {
                steps.Add(step.Step);
            }
        }

        return steps;
    }

    private static (DateOnly? On, TimelineStep? Step) ReadStep(YamlNode item, DateOnly? asOf, (DateOnly Date, int Line)? previous,
        FactTypeRegistry types, LoadLimits limits, TimelineFactState? state, List<object> allFacts, DiagnosticBag diagnostics)
    {
        var reader = YamlMappingReader.From(item, "a timeline step", diagnostics);
        if (reader is null)
        {
            return (null, null);
        }

        var errorsBefore = ErrorCount(diagnostics);
        var onScalar = reader.Scalar("on", required: true);
        var on = ScenarioFileLoader.ReadDate(onScalar, "on", diagnostics);
        if (onScalar is { IsNull: true })
        {
            diagnostics.Error(DiagnosticCodes.EmptyValue, onScalar.Location, "'on' needs a date", "write the step's date as yyyy-mm-dd, e.g. 2025-03-13");
        }

        if (on is { } date && onScalar is not null)
        {
            if (asOf is { } start && date < start)
            {
                diagnostics.Error(DiagnosticCodes.TimelineError, onScalar.TextStart,
                    $"the step on {Format(date)} is before the scenario's asOf ({Format(start)})",
                    "the timeline starts at asOf: date every step on or after it, or move asOf back");
            }

            if (previous is { } before && date <= before.Date)
            {
                diagnostics.Error(DiagnosticCodes.TimelineError, onScalar.TextStart,
                    $"step dates must increase: {Format(date)} is not after the previous step's {Format(before.Date)} (line {before.Line})",
                    date == before.Date ? "merge the two steps of one day into one" : "order the steps by date");
            }
        }

        var note = reader.String("note");
        var retractNode = reader.Node("retract");
        var updateNode = reader.Node("update");
        var insertNode = reader.Node("insert");
        var expectNode = reader.Node("expect");
        reader.ReportUnknownKeys(StepKeys);

        var when = on is { } d ? $"on {Format(d)}" : "in this step";
        var retractions = new List<object>();
        foreach (var (type, fact, location) in ReadChanges(retractNode, "retract", keyOnly: true, types, limits, allFacts, diagnostics))
        {
            var key = type.GetKey(fact);
            if (state is null)
            {
                retractions.Add(fact);
            }
            else if (state.Find(type, key) is null)
            {
                diagnostics.Error(DiagnosticCodes.TimelineError, location, $"cannot retract {type.Name} '{key}' {when}: no {type.Name} has that key at this point",
                    state.Suggest(type, key) ?? "retract only facts the scenario or an earlier step holds");
            }
            else
            {
                retractions.Add(state.Remove(type, key));
            }
        }

        var updates = new List<object>();
        foreach (var (type, fact, location) in ReadChanges(updateNode, "update", keyOnly: false, types, limits, allFacts, diagnostics))
        {
            var key = type.GetKey(fact);
            if (state is not null && state.Find(type, key) is null)
            {
                diagnostics.Error(DiagnosticCodes.TimelineError, location, $"cannot update {type.Name} '{key}' {when}: no {type.Name} has that key at this point",
                    state.Suggest(type, key) ?? "use 'insert:' for a new fact; 'update:' replaces the fact with the same key");
                continue;
            }

            state?.Replace(type, fact, location);
            updates.Add(fact);
        }

        var insertions = new List<object>();
        foreach (var (type, fact, location) in ReadChanges(insertNode, "insert", keyOnly: false, types, limits, allFacts, diagnostics))
        {
            if (state is not null && !state.TryAdd(type, fact, location, out var existing))
            {
                diagnostics.Error(DiagnosticCodes.TimelineError, location,
                    $"cannot insert {type.Name} '{type.GetKey(fact)}' {when}: a {type.Name} with that key already exists (line {existing.Line})",
                    "use 'update:' to replace it, or retract it first");
                continue;
            }

            insertions.Add(fact);
        }

        var failed = ErrorCount(diagnostics) > errorsBefore;
        return (on, failed || on is null ? null : new TimelineStep(on.Value, note, retractions, updates, insertions, reader.Location, expectNode));
    }

    /// <summary>Reads one change map (fact type → list of facts), in file order, with the location of each fact.</summary>
    private static List<(FactTypeDescriptor Type, object Fact, SourceLocation Location)> ReadChanges(YamlNode? node, string verb, bool keyOnly,
        FactTypeRegistry types, LoadLimits limits, List<object> allFacts, DiagnosticBag diagnostics)
    {
        var changes = new List<(FactTypeDescriptor, object, SourceLocation)>();
        if (node is null or YamlScalar { IsNull: true })
        {
            return changes;
        }

        if (node is not YamlMapping mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{verb}' must be a map of fact types to lists of facts, not {node.KindName}",
                $"write '{verb}:' then, indented, 'Position:' and its facts as a list");
            return changes;
        }

        // Resolve the types here, so reserved types get a timeline hint; ReadFacts then sees only scenario types.
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var entry in mapping.Entries)
        {
            if (ScenarioFileLoader.ResolveScenarioType(entry.Key, types, diagnostics,
                    type => $"a timeline step cannot {verb} {type.Name} facts", "the step's 'on:' date becomes Today") is not null)
            {
                entries.Add(entry);
            }
        }

        var start = allFacts.Count;
        var locations = new Dictionary<object, SourceLocation>(ReferenceEqualityComparer.Instance);
        var reader = new YamlMappingReader(new YamlMapping(mapping.Location, entries), $"'{verb}'", diagnostics);
        ScenarioFileLoader.ReadFacts(reader, types, limits, allFacts, locations, diagnostics, new FactKeyIndex(), keyOnly);
        for (var i = start; i < allFacts.Count; i++)
        {
            var fact = allFacts[i];
            changes.Add((types.Of(fact)!, fact, locations[fact]));
        }

        return changes;
    }

    private static int ErrorCount(DiagnosticBag diagnostics) => diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);

    private static string Format(DateOnly date) => FactValueFormatter.Format(date);
}
