using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

// Document symbols: the outline of a rule file (declarations, rules and what they derive) or of a scenario (facts by type).
public sealed partial class AuthoringWorkspace
{
    /// <summary>
    /// The outline of an open document: a rule file's declared enums and fact types (with their fields), then its rules
    /// (those that load) with the conditions, next steps and inserts they derive; a scenario's fact types with their facts.
    /// </summary>
    /// <param name="path">The document's path.</param>
    public IReadOnlyList<AuthoringSymbol> GetDocumentSymbols(string path)
    {
        if (!_documents.TryGetValue(path, out var text))
        {
            return [];
        }

        return KindOf(text) == AuthoringDocumentKind.Rules ? RuleSymbols(RulesOf(path, text)) : ScenarioSymbols(ScenarioOf(path, text));
    }

    private static List<AuthoringSymbol> RuleSymbols(RuleFileAnalysis analysis)
    {
        var lines = analysis.Lines;
        var rules = analysis.Rules;
        var symbols = new List<AuthoringSymbol>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var lastLine = i + 1 < rules.Count ? rules[i + 1].Location.Line - 1 : lines.Count;
            var range = Span(lines, rule.Location, lastLine);
            var children = rule.Then.Select(action => action switch
            {
                ConditionActionSyntax c => Leaf(lines, c.Id.Text, null, AuthoringSymbolKind.Condition, c.Id.Location),
                NextStepActionSyntax n => Leaf(lines, n.Id.Text, null, AuthoringSymbolKind.NextStep, n.Id.Location),
                InsertActionSyntax insert => Leaf(lines, insert.FactType.Text, null, AuthoringSymbolKind.Insert, insert.FactType.Location),
                _ => null,
            }).OfType<AuthoringSymbol>().Where(c => Contains(range, c.Range)).ToList();
            symbols.Add(new AuthoringSymbol(rule.Id, rule.Title, AuthoringSymbolKind.Rule, range, Clip(range, lines.DiagnosticRange(rule.Location.Line, rule.Location.Column)), children));
        }

        return [.. DeclarationSymbols(analysis), .. symbols];
    }

    /// <summary>The enums and fact types a rule file declares, with their fields.</summary>
    private static IEnumerable<AuthoringSymbol> DeclarationSymbols(RuleFileAnalysis analysis)
    {
        var lines = analysis.Lines;
        foreach (var declaration in analysis.Syntax?.Enums ?? [])
        {
            var lastLine = declaration.Values.Select(v => v.Location.Line).Append(declaration.Name.Location.Line).Max();
            var range = Span(lines, declaration.Name.Location, lastLine);
            yield return new AuthoringSymbol(declaration.Name.Text, string.Join(", ", declaration.Values.Select(v => v.Text)), AuthoringSymbolKind.Enum,
                range, Clip(range, lines.DiagnosticRange(declaration.Name.Location.Line, declaration.Name.Location.Column)), []);
        }

        foreach (var type in analysis.Syntax?.Types ?? [])
        {
            var lastLine = type.Fields.Select(f => f.Type.Location.Line).Concat(type.Defaults.Select(d => d.Field.Location.Line))
                .Append(type.KeyLocation.Line).Append(type.Name.Location.Line).Max();
            var range = Span(lines, type.Name.Location, lastLine);
            var fields = type.Fields.Select(f => Leaf(lines, f.Name.Text, f.Type.Text, AuthoringSymbolKind.Field, f.Name.Location))
                .Where(f => Contains(range, f.Range)).ToList();
            yield return new AuthoringSymbol(type.Name.Text, type.Description, AuthoringSymbolKind.FactType, range,
                Clip(range, lines.DiagnosticRange(type.Name.Location.Line, type.Name.Location.Column)), fields);
        }
    }

    private List<AuthoringSymbol> ScenarioSymbols(ScenarioAnalysis analysis)
    {
        var lines = analysis.Lines;
        if (analysis.Tree is not YamlMapping root || root["facts"] is not YamlMapping facts)
        {
            return [];
        }

        var symbols = new List<AuthoringSymbol>();
        for (var i = 0; i < facts.Entries.Count; i++)
        {
            var (typeKey, list) = facts.Entries[i];
            var lastLine = i + 1 < facts.Entries.Count ? facts.Entries[i + 1].Key.Location.Line - 1 : LastLine(list);
            var range = Span(lines, typeKey.Location, Math.Max(lastLine, typeKey.Location.Line));
            var children = new List<AuthoringSymbol>();
            if (list is YamlSequence items && Types.Find(typeKey.Value) is { } descriptor && descriptor.KeyFields.Count > 0)
            {
                foreach (var item in items.Items.OfType<YamlMapping>())
                {
                    var key = string.Join("/", descriptor.KeyFields.Select(f => (item[f.Name] as YamlScalar)?.Value ?? "?"));
                    var leaf = Leaf(lines, key, descriptor.Name, AuthoringSymbolKind.Fact, item.Location);
                    if (Contains(range, leaf.Range))
                    {
                        children.Add(leaf);
                    }
                }
            }

            symbols.Add(new AuthoringSymbol(typeKey.Value, null, AuthoringSymbolKind.FactType, range,
                Clip(range, lines.DiagnosticRange(typeKey.Location.Line, typeKey.Location.Column)), children));
        }

        return symbols;
    }

    private static int LastLine(YamlNode node) => node switch
    {
        YamlSequence sequence when sequence.Items.Count > 0 => LastLine(sequence.Items[^1]),
        YamlMapping mapping when mapping.Entries.Count > 0 => LastLine(mapping.Entries[^1].Value),
        _ => node.Location.Line,
    };

    private static AuthoringSymbol Leaf(SourceLines lines, string name, string? detail, AuthoringSymbolKind kind, SourceLocation at)
    {
        var range = lines.DiagnosticRange(at.Line, at.Column);
        return new AuthoringSymbol(name, detail, kind, range, range, []);
    }

    private static TextRange Span(SourceLines lines, SourceLocation start, int lastLine)
    {
        while (lastLine > start.Line && lines[lastLine].Trim().Length == 0)
        {
            lastLine--;
        }

        return new TextRange(new TextPosition(start.Line, Math.Max(1, start.Column)), new TextPosition(lastLine, lines[lastLine].Length + 1));
    }

    private static bool Contains(TextRange outer, TextRange inner) =>
        Compare(outer.Start, inner.Start) <= 0 && Compare(inner.End, outer.End) <= 0;

    private static TextRange Clip(TextRange outer, TextRange inner) => Contains(outer, inner) ? inner : new TextRange(outer.Start, outer.Start);

    private static int Compare(TextPosition a, TextPosition b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
