using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Expectations;

/// <summary>
/// Reads an <c>expect:</c> block (of a scenario or of a timeline step) into an <see cref="ExpectationSet"/>, reporting
/// every problem with its file, line and column:
/// <code>
/// expect:
///   conditions: [ceasefire-pending, { id: contingency-planning-only, subject: reassurance-force, parties: [RU] }]
///   nextSteps: [{ id: respond-to-ceasefire, actor: RU, subject: jeddah }, convey-offer]
///   absent: { conditions: [ceasefire-in-force], nextSteps: [activate-force-hq] }
///   only: false
/// </code>
/// </summary>
internal static class ExpectationParser
{
    private const string ConditionHint = "write a condition id, or a map such as { id: ceasefire-pending, subject: jeddah-ceasefire, parties: [RU] }";
    private const string NextStepHint = "write a next-step id, or a map such as { id: respond-to-ceasefire, actor: RU, subject: jeddah-ceasefire }";

    /// <summary>Reads the <c>expect:</c> block of a loaded scenario.</summary>
    /// <returns>The expectations; <see langword="null"/> when the scenario has none or the block has errors.</returns>
    public static ExpectationSet? FromScenario(Scenario scenario, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Parse(scenario.ExpectNode, diagnostics);
    }

    /// <summary>Reads an <c>expect:</c> node.</summary>
    /// <returns>The expectations; <see langword="null"/> when there is no node or it has errors (they are in <paramref name="diagnostics"/>).</returns>
    public static ExpectationSet? Parse(YamlNode? node, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsNull: true })
        {
            diagnostics.Warning(DiagnosticCodes.EmptyValue, node.Location, "'expect' is empty: nothing is checked",
                "list what must hold under 'conditions:' and 'nextSteps:', or remove 'expect:'");
            return new ExpectationSet(node.Location, [], [], [], [], false);
        }

        var errorsBefore = ErrorCount(diagnostics);
        var reader = YamlMappingReader.From(node, "'expect'", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var conditions = ReadConditions(reader.Node("conditions"), "conditions", diagnostics);
        var nextSteps = ReadNextSteps(reader.Node("nextSteps"), "nextSteps", diagnostics);
        IReadOnlyList<ConditionExpectation> absentConditions = [];
        IReadOnlyList<NextStepExpectation> absentNextSteps = [];
        var absentNode = reader.Node("absent");
        if (absentNode is YamlSequence)
        {
            diagnostics.Error(DiagnosticCodes.WrongNodeKind, absentNode.Location, "'absent' must be a map with 'conditions' and 'nextSteps', not a list",
                "write absent: { conditions: [ceasefire-in-force], nextSteps: [activate-force-hq] }");
        }
        else if (absentNode is not null and not YamlScalar { IsNull: true })
        {
            var absent = YamlMappingReader.From(absentNode, "'absent'", diagnostics);
            if (absent is not null)
            {
                absentConditions = ReadConditions(absent.Node("conditions"), "absent.conditions", diagnostics);
                absentNextSteps = ReadNextSteps(absent.Node("nextSteps"), "absent.nextSteps", diagnostics);
                absent.ReportUnknownKeys();
            }
        }

        var onlyLocation = reader.Has("only") ? reader.KeyLocation("only") : node.Location;
        var only = reader.Bool("only") ?? false;
        reader.ReportUnknownKeys();
        ReportContradictions(conditions, absentConditions, diagnostics);
        ReportContradictions(nextSteps, absentNextSteps, diagnostics);
        if (ErrorCount(diagnostics) > errorsBefore)
        {
            return null;
        }

        return new ExpectationSet(node.Location, conditions, nextSteps, absentConditions, absentNextSteps, only) { OnlyLocation = onlyLocation };
    }

    private static List<ConditionExpectation> ReadConditions(YamlNode? node, string key, DiagnosticBag diagnostics)
    {
        var result = new List<ConditionExpectation>();
        foreach (var item in Items(node, key, "condition ids", diagnostics))
        {
            switch (item)
            {
                case YamlScalar scalar:
                    if (ReadId(scalar, key, "condition id", diagnostics) is { } id)
                    {
                        result.Add(new ConditionExpectation(id, null, null, scalar.Location));
                    }

                    break;
                case YamlMapping:
                    var reader = YamlMappingReader.From(item, $"a condition in '{key}'", diagnostics)!;
                    var itemId = ReadId(reader, "condition id", diagnostics);
                    var subject = reader.String("subject");
                    var parties = ReadParties(reader, diagnostics);
                    reader.ReportUnknownKeys();
                    if (itemId is not null)
                    {
                        result.Add(new ConditionExpectation(itemId, subject, parties, item.Location));
                    }

                    break;
                default:
                    diagnostics.Error(DiagnosticCodes.WrongNodeKind, item.Location, $"an item of '{key}' must be a condition id or a map, not {item.KindName}", ConditionHint);
                    break;
            }
        }

        return result;
    }

    private static List<NextStepExpectation> ReadNextSteps(YamlNode? node, string key, DiagnosticBag diagnostics)
    {
        var result = new List<NextStepExpectation>();
        foreach (var item in Items(node, key, "next-step ids", diagnostics))
        {
            switch (item)
            {
                case YamlScalar scalar:
                    if (ReadId(scalar, key, "next-step id", diagnostics) is { } id)
                    {
                        result.Add(new NextStepExpectation(id, null, null, scalar.Location));
                    }

                    break;
                case YamlMapping:
                    var reader = YamlMappingReader.From(item, $"a next step in '{key}'", diagnostics)!;
                    var itemId = ReadId(reader, "next-step id", diagnostics);
                    var actor = reader.String("actor");
                    if (actor is not null)
                    {
                        RuleFileLoader.CheckId(actor, reader.Scalar("actor")!, "actor", diagnostics);
                    }

                    var subject = reader.String("subject");
                    reader.ReportUnknownKeys();
                    if (itemId is not null)
                    {
                        result.Add(new NextStepExpectation(itemId, actor, subject, item.Location));
                    }

                    break;
                default:
                    diagnostics.Error(DiagnosticCodes.WrongNodeKind, item.Location, $"an item of '{key}' must be a next-step id or a map, not {item.KindName}", NextStepHint);
                    break;
            }
        }

        return result;
    }

    /// <summary>The items of a list; a single value counts as a one-item list, an empty value as no items.</summary>
    private static IEnumerable<YamlNode> Items(YamlNode? node, string key, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence:
                return sequence.Items;
            case YamlScalar scalar:
                return [scalar];
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{key}' must be a list of {what} or maps, not {node.KindName}",
                    $"write {key.Split('.')[^1]}: [a, {{ id: b }}], or one item per line starting with '- '");
                return [];
        }
    }

    private static string? ReadId(YamlScalar scalar, string key, string what, DiagnosticBag diagnostics)
    {
        if (scalar.IsNull)
        {
            diagnostics.Error(DiagnosticCodes.EmptyValue, scalar.Location, $"an empty item in '{key}'", $"write a {what}, or remove the item");
            return null;
        }

        return RuleFileLoader.CheckId(scalar.Value, scalar, what, diagnostics) ? scalar.Value : null;
    }

    private static string? ReadId(YamlMappingReader reader, string what, DiagnosticBag diagnostics)
    {
        var id = reader.String("id", required: true);
        return id is not null && RuleFileLoader.CheckId(id, reader.Scalar("id")!, what, diagnostics) ? id : null;
    }

    private static List<string>? ReadParties(YamlMappingReader reader, DiagnosticBag diagnostics)
    {
        var scalars = reader.ScalarList("parties");
        if (scalars is null)
        {
            return null;
        }

        var parties = new List<string>();
        foreach (var scalar in scalars)
        {
            if (scalar.IsNull)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, scalar.Location, "an empty party in 'parties'", "write a party id such as RU");
            }
            else if (RuleFileLoader.CheckId(scalar.Value, scalar, "party id", diagnostics))
            {
                parties.Add(scalar.Value);
            }
        }

        return parties;
    }

    private static void ReportContradictions(IReadOnlyList<ConditionExpectation> expected, IReadOnlyList<ConditionExpectation> absent, DiagnosticBag diagnostics)
    {
        foreach (var excluded in absent)
        {
            if (expected.FirstOrDefault(e => e.IsCoveredBy(excluded)) is { } clash)
            {
                ReportContradiction("condition", excluded.ToString(), excluded.Location, clash.ToString(), clash.Location, diagnostics);
            }
        }
    }

    private static void ReportContradictions(IReadOnlyList<NextStepExpectation> expected, IReadOnlyList<NextStepExpectation> absent, DiagnosticBag diagnostics)
    {
        foreach (var excluded in absent)
        {
            if (expected.FirstOrDefault(e => e.IsCoveredBy(excluded)) is { } clash)
            {
                ReportContradiction("next step", excluded.ToString(), excluded.Location, clash.ToString(), clash.Location, diagnostics);
            }
        }
    }

    private static void ReportContradiction(string what, string excluded, SourceLocation at, string clash, SourceLocation clashAt, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.ExpectationError, at,
            $"{what} {excluded} is expected to be absent, but {clash} is expected to hold (line {clashAt.Line}): both cannot be true",
            "remove one of the two, or make the absent item more specific (subject, parties, actor)");

    private static int ErrorCount(DiagnosticBag diagnostics) => diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
}
