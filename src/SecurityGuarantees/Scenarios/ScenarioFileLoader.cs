using System.Globalization;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;

namespace SecurityGuarantees.Scenarios;

/// <summary>Reads a scenario file: its header, its facts by type (typed by the registered fact types) and raw sections.</summary>
internal static class ScenarioFileLoader
{
    public static Scenario? Load(string file, string text, FactTypeRegistry types, LoadLimits limits, DiagnosticBag diagnostics,
        CancellationToken cancellationToken = default)
    {
        var root = YamlTreeReader.Read(file, text, diagnostics, cancellationToken);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, new SourceLocation(file, 1, 1), "the scenario file is empty",
                    "a scenario file starts with 'scenario: <id>' and lists its facts under 'facts:'");
            }

            return null;
        }

        var reader = YamlMappingReader.From(root, "a scenario file", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var errorsBefore = diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        RuleFileLoader.CheckVersion(reader, diagnostics);
        var id = reader.String("scenario", required: true);
        if (id is not null)
        {
            RuleFileLoader.CheckId(id, reader.Scalar("scenario")!, "scenario id", diagnostics);
        }

        var asOf = ReadDate(reader.Scalar("asOf"), "asOf", diagnostics);
        var description = reader.String("description");
        var facts = new List<object>();
        var locations = new Dictionary<object, SourceLocation>(ReferenceEqualityComparer.Instance);
        var factsReader = YamlMappingReader.From(reader.Node("facts"), "'facts'", diagnostics);
        if (factsReader is not null)
        {
            ReadFacts(factsReader, types, limits, facts, locations, diagnostics, cancellationToken: cancellationToken);
        }

        var timeline = reader.Node("timeline");
        var expect = reader.Node("expect");
        var vary = reader.Node("vary");
        reader.ReportUnknownKeys();
        var failed = diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore;
        return failed || id is null ? null : new Scenario(id, asOf, description, file, facts, locations, timeline, expect, vary);
    }

    public static DateOnly? ReadDate(YamlScalar? scalar, string key, DiagnosticBag diagnostics)
    {
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.TextStart, $"'{key}' must be a date, not '{scalar.Value}'", "write dates as yyyy-mm-dd, e.g. 2025-03-12");
        return null;
    }

    /// <summary>Reads a map of fact type → list of facts, checking types, keys and duplicates.</summary>
    public static void ReadFacts(YamlMappingReader factsReader, FactTypeRegistry types, LoadLimits limits, List<object> facts,
        Dictionary<object, SourceLocation> locations, DiagnosticBag diagnostics, FactKeyIndex? keys = null, bool keyOnly = false,
        CancellationToken cancellationToken = default)
    {
        keys ??= new FactKeyIndex();
        foreach (var (typeKey, listNode) in factsReader.Mapping.Entries)
        {
            var type = ResolveScenarioType(typeKey, types, diagnostics);
            if (type is null)
            {
                continue;
            }

            if (listNode is not YamlSequence sequence)
            {
                if (listNode is not YamlScalar { IsNull: true })
                {
                    diagnostics.Error(DiagnosticCodes.WrongNodeKind, listNode.Location, $"the {type.Name} facts must be a list, not {listNode.KindName}",
                        "start each fact with '- '");
                }

                continue;
            }

            foreach (var item in sequence.Items)
            {
                if (facts.Count >= limits.MaxFacts)
                {
                    diagnostics.Error(DiagnosticCodes.FileTooLarge, item.Location, $"more than {limits.MaxFacts} facts",
                        "split the scenario, or raise the fact limit in the engine options");
                    return;
                }

                if (facts.Count % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var fact = FactReader.Read(item, type, diagnostics, keyOnly);
                if (fact is null)
                {
                    continue;
                }

                if (!keyOnly && !keys.TryAdd(type, fact, item.Location, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateFact, item.Location, $"two {type.Name} facts have the key '{type.GetKey(fact)}' (first at line {first.Line})",
                        "each fact needs its own key; merge the two or change one key");
                    continue;
                }

                facts.Add(fact);
                locations[fact] = item.Location;
            }
        }
    }

    /// <summary>
    /// Resolves a fact type written as a key under <c>facts:</c> (or a timeline change); derived and built-in types are
    /// refused with <paramref name="reservedMessage"/> and a hint that says where such facts come from.
    /// </summary>
    public static FactTypeDescriptor? ResolveScenarioType(YamlScalar typeKey, FactTypeRegistry types, DiagnosticBag diagnostics,
        Func<FactTypeDescriptor, string>? reservedMessage = null, string todayHint = "set the date with 'asOf:' instead")
    {
        var type = types.Find(typeKey.Value);
        if (type is null)
        {
            diagnostics.Error(DiagnosticCodes.UnknownFactType, typeKey.Location, $"unknown fact type '{typeKey.Value}'",
                NameSuggester.Hint(typeKey.Value, types.All.Where(t => t.Role == FactTypeRole.Scenario).Select(t => t.Name).ToList()));
            return null;
        }

        if (type.Role != FactTypeRole.Scenario)
        {
            var message = reservedMessage?.Invoke(type) ?? $"{type.Name} facts cannot be written under 'facts:'";
            diagnostics.Error(DiagnosticCodes.ReservedFactType, typeKey.Location, message,
                type.Role == FactTypeRole.Today ? todayHint : $"{type.Name} facts are derived by rules");
            return null;
        }

        return type;
    }
}
