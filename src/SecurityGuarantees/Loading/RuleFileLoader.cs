using System.Text.RegularExpressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Loading;

/// <summary>Reads a rule file into <see cref="RuleSetSyntax"/>, reporting every structural problem of the file.</summary>
internal static partial class RuleFileLoader
{
    private static readonly string[] ElementKinds = ["fact", "not", "exists", "all", "any", "each", "count", "let", "aggregate"];
    private static readonly string[] ActionKinds = ["condition", "nextStep", "insert"];

    public static RuleSetSyntax? Load(string file, string text, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(file, text, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, new SourceLocation(file, 1, 1), "the rule file is empty",
                    "a rule file starts with 'version: 1', 'ruleset: <name>' and 'rules:'");
            }

            return null;
        }

        var reader = YamlMappingReader.From(root, "a rule file", diagnostics);
        if (reader is null)
        {
            return null;
        }

        CheckVersion(reader, diagnostics);
        // A file of declarations only (enums:, types:) needs neither a rule set name nor rules.
        var enums = DeclarationReader.ReadEnums(reader.Node("enums"), diagnostics);
        var types = DeclarationReader.ReadTypes(reader.Node("types"), diagnostics);
        var declarationsOnly = (reader.Has("enums") || reader.Has("types")) && !reader.Has("rules");
        var name = reader.String("ruleset", required: !declarationsOnly);
        if (name is not null)
        {
            CheckId(name, reader.Scalar("ruleset")!, "rule set name", diagnostics);
        }

        var rules = new List<RuleSyntax>();
        var sequence = reader.Sequence("rules", required: !declarationsOnly);
        if (sequence is not null)
        {
            if (sequence.Items.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, sequence.Location, "'rules' is empty", "add at least one rule");
            }

            foreach (var item in sequence.Items)
            {
                if (ReadRule(item, name ?? "", diagnostics) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        reader.ReportUnknownKeys();
        return new RuleSetSyntax(file, name ?? "", rules) { Enums = enums, Types = types };
    }

    public static void CheckVersion(YamlMappingReader reader, DiagnosticBag diagnostics)
    {
        var version = reader.Scalar("version");
        if (version is not null && version.Value != "1")
        {
            diagnostics.Error(DiagnosticCodes.UnsupportedVersion, version.Location, $"unsupported version '{version.Value}'",
                "this release reads version 1; write 'version: 1' or leave it out");
        }
    }

    /// <summary>Ids are case-sensitive and match <c>[A-Za-z0-9][A-Za-z0-9._-]*</c>.</summary>
    public static bool CheckId(string value, YamlScalar at, string what, DiagnosticBag diagnostics)
    {
        if (IdPattern().IsMatch(value))
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.InvalidId, at.TextStart, $"invalid {what} '{value}'",
            "ids start with a letter or digit and contain only letters, digits, '.', '_' and '-' (no spaces or '/')");
        return false;
    }

    public static bool IsValidId(string value) => IdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    private static RuleSyntax? ReadRule(YamlNode node, string ruleSet, DiagnosticBag diagnostics)
    {
        var reader = YamlMappingReader.From(node, "a rule", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var diagnosticsBefore = diagnostics.Count;

        var id = reader.String("id", required: true);
        if (id is not null)
        {
            CheckId(id, reader.Scalar("id")!, "rule id", diagnostics);
        }

        var title = reader.String("title");
        var description = reader.String("description");
        var priority = reader.Int("priority") ?? 0;
        var tags = reader.ScalarList("tags")?.Select(t => t.Value).ToList() ?? [];
        var when = new List<ElementSyntax>();
        var whenNode = reader.Sequence("when", required: true);
        if (whenNode is not null)
        {
            if (whenNode.Items.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, whenNode.Location, "'when' is empty", "add at least one element, e.g. '- fact: Proposal'");
            }

            when.AddRange(whenNode.Items.Select(i => ReadElement(i, diagnostics)).OfType<ElementSyntax>());
        }

        var then = new List<ActionSyntax>();
        var beforeThen = diagnostics.Count;
        var thenNode = reader.Sequence("then", required: true);
        // A rule still being written top-down ('then' not there yet, or empty) is bound all the same: its 'when' gets
        // its own diagnostics (all in one pass) and an editor its completions. The missing 'then' fails the build anyway.
        var thenNotWritten = thenNode is null && reader.Node("then") is null or YamlScalar { IsNull: true } || thenNode is { Items.Count: 0 };
        if (thenNode is not null)
        {
            if (thenNode.Items.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, thenNode.Location, "'then' is empty", "add a 'condition:', 'nextStep:' or 'insert:' action");
            }

            then.AddRange(thenNode.Items.Select(i => ReadAction(i, diagnostics)).OfType<ActionSyntax>());
        }

        var afterThen = diagnostics.Count;
        reader.ReportUnknownKeys();
        // A rule with structural errors is not bound: its problems are reported, and binding it would only add noise.
        var failed = thenNotWritten
            ? ErrorsSince(diagnostics, diagnosticsBefore, beforeThen) || ErrorsSince(diagnostics, afterThen)
            : ErrorsSince(diagnostics, diagnosticsBefore);
        return id is null || failed ? null : new RuleSyntax(reader.Location, id, ruleSet, title, description, priority, tags, when, then);
    }

    private static ElementSyntax? ReadElement(YamlNode node, DiagnosticBag diagnostics)
    {
        var reader = YamlMappingReader.From(node, "a 'when' element", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var kind = SingleKind(reader, ElementKinds, "a 'when' element", DiagnosticCodes.InvalidElement, diagnostics);
        if (kind is null)
        {
            return null;
        }

        ElementSyntax? element;
        switch (kind)
        {
            case "fact":
            {
                var type = Text(reader, "fact", diagnostics);
                var alias = Text(reader, "as", diagnostics);
                var where = Text(reader, "where", diagnostics);
                element = type is null ? null : new PatternSyntax(reader.Location, type, alias, where);
                break;
            }

            case "not":
            case "exists":
            {
                var inner = reader.Node(kind);
                if (inner is YamlSequence)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidElement, inner.Location, $"'{kind}' takes one element, not a list",
                        $"wrap several elements in 'all:': {kind}: {{ all: [ ... ] }}");
                    element = null;
                    break;
                }

                var child = ReadElement(inner!, diagnostics);
                element = child is null ? null : kind == "not" ? new NotSyntax(reader.Location, child) : new ExistsSyntax(reader.Location, child);
                break;
            }

            case "all":
            case "any":
            {
                var list = reader.Sequence(kind);
                if (list is null)
                {
                    element = null;
                    break;
                }

                if (list.Items.Count == 0)
                {
                    diagnostics.Error(DiagnosticCodes.EmptyValue, list.Location, $"'{kind}' is empty", "list at least one element");
                }

                var children = list.Items.Select(i => ReadElement(i, diagnostics)).OfType<ElementSyntax>().ToList();
                element = kind == "all" ? new AllSyntax(reader.Location, children) : new AnySyntax(reader.Location, children);
                break;
            }

            case "each":
            {
                var list = Text(reader, "each", diagnostics);
                var alias = Text(reader, "as", diagnostics);
                if (alias is null)
                {
                    diagnostics.Error(DiagnosticCodes.MissingKey, reader.Location, "'each' needs 'as:' to name the element", "add e.g. 'as: proposer'");
                }

                element = list is null || alias is null ? null : new EachSyntax(reader.Location, list, alias);
                break;
            }

            case "let":
                element = ComputedElementReader.ReadLet(reader, diagnostics);
                break;

            case "aggregate":
                element = ComputedElementReader.ReadAggregate(reader, diagnostics);
                break;

            default:
            {
                var type = Text(reader, "count", diagnostics);
                var atLeast = reader.Int("atLeast");
                var having = Text(reader, "having", diagnostics);
                if (atLeast is not null && having is not null)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidElement, reader.KeyLocation("having"), "'count' takes 'atLeast' or 'having', not both",
                        "keep one; 'atLeast: N' is the same as 'having: n >= N'");
                }

                element = type is null ? null : new CountSyntax(reader.Location, type, Text(reader, "where", diagnostics),
                    Text(reader, "distinct", diagnostics), Text(reader, "as", diagnostics), atLeast, having);
                break;
            }
        }

        reader.ReportUnknownKeys();
        return element;
    }

    private static ActionSyntax? ReadAction(YamlNode node, DiagnosticBag diagnostics)
    {
        var reader = YamlMappingReader.From(node, "a 'then' action", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var kind = SingleKind(reader, ActionKinds, "a 'then' action", DiagnosticCodes.InvalidAction, diagnostics);
        if (kind is null)
        {
            return null;
        }

        ActionSyntax? action;
        switch (kind)
        {
            case "condition":
            {
                var id = Text(reader, "condition", diagnostics);
                var parties = reader.ScalarList("parties")?.Select(s => new TextSyntax(s.Value, s.TextStart)).ToList() ?? [];
                action = id is null ? null : new ConditionActionSyntax(reader.Location, id, Text(reader, "subject", diagnostics), parties,
                    Text(reader, "severity", diagnostics), Text(reader, "text", diagnostics));
                break;
            }

            case "nextStep":
            {
                var id = Text(reader, "nextStep", diagnostics);
                action = id is null ? null : new NextStepActionSyntax(reader.Location, id, Text(reader, "actor", diagnostics),
                    Text(reader, "subject", diagnostics), Text(reader, "text", diagnostics), reader.Int("priority") ?? 0);
                break;
            }

            default:
                action = ReadInsert(reader, diagnostics);
                break;
        }

        reader.ReportUnknownKeys();
        return action;
    }

    private static InsertActionSyntax? ReadInsert(YamlMappingReader reader, DiagnosticBag diagnostics)
    {
        var body = YamlMappingReader.From(reader.Node("insert"), "'insert'", diagnostics);
        if (body is null)
        {
            return null;
        }

        if (body.Mapping.Entries.Count != 1)
        {
            diagnostics.Error(DiagnosticCodes.InvalidInsert, body.Location, "'insert' names exactly one fact type",
                "write insert: { Type: { field: value, ... } } and use one action per inserted fact");
            return null;
        }

        var (typeKey, fieldsNode) = body.Mapping.Entries[0];
        var fieldsReader = YamlMappingReader.From(fieldsNode, $"the fields of the inserted {typeKey.Value}", diagnostics);
        if (fieldsReader is null)
        {
            return null;
        }

        var fields = new List<InsertFieldSyntax>();
        foreach (var (key, value) in fieldsReader.Mapping.Entries)
        {
            var name = new TextSyntax(key.Value, key.Location);
            switch (value)
            {
                case YamlSequence sequence:
                    var items = sequence.Items.Select(i => YamlMappingReader.AsScalar(i, key.Value, diagnostics))
                        .OfType<YamlScalar>().Select(s => new TextSyntax(s.Value, s.TextStart)).ToList();
                    fields.Add(new InsertFieldSyntax(name, null, items));
                    break;
                default:
                    var scalar = YamlMappingReader.AsScalar(value, key.Value, diagnostics);
                    if (scalar is not null)
                    {
                        fields.Add(new InsertFieldSyntax(name, scalar.IsNull ? null : new TextSyntax(scalar.Value, scalar.TextStart), null));
                    }

                    break;
            }
        }

        return new InsertActionSyntax(reader.Location, new TextSyntax(typeKey.Value, typeKey.Location), fields);
    }

    /// <summary>The one kind key (e.g. <c>fact</c>, <c>not</c>) a map must have, or a diagnostic when it has none or several.</summary>
    private static string? SingleKind(YamlMappingReader reader, string[] kinds, string what, string code, DiagnosticBag diagnostics)
    {
        var present = kinds.Where(reader.Has).ToList();
        if (present.Count == 1)
        {
            return present[0];
        }

        var message = present.Count == 0
            ? $"{what} needs one of: {string.Join(", ", kinds)}"
            : $"{what} has one kind, but this one has {string.Join(" and ", present.Select(k => $"'{k}'"))}";
        var hint = present.Count == 0 && reader.Mapping.Entries.Count > 0
            ? NameSuggester.Hint(reader.Mapping.Entries[0].Key.Value, kinds)
            : "split it into separate list items";
        diagnostics.Error(code, reader.Location, message, hint);
        return null;
    }

    private static TextSyntax? Text(YamlMappingReader reader, string key, DiagnosticBag diagnostics)
    {
        var scalar = reader.Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsNull)
        {
            diagnostics.Error(DiagnosticCodes.EmptyValue, scalar.Location, $"'{key}' needs a value");
            return null;
        }

        return new TextSyntax(scalar.Value, scalar.TextStart);
    }

    /// <summary>Whether an error was added since the bag held <paramref name="count"/> items (the bag only grows): per rule, without rescanning every earlier diagnostic.</summary>
    private static bool ErrorsSince(DiagnosticBag diagnostics, int count, int? until = null)
    {
        for (var i = count; i < (until ?? diagnostics.Count); i++)
        {
            if (diagnostics.Items[i].Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}
