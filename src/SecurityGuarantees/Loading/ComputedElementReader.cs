using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Loading;

/// <summary>Reads the <c>when</c> elements that compute values: <c>let:</c> and <c>aggregate:</c> (issue 13).</summary>
internal static class ComputedElementReader
{
    /// <summary><c>let: { name: expression, ... }</c>.</summary>
    public static LetSyntax? ReadLet(YamlMappingReader reader, DiagnosticBag diagnostics)
    {
        var bindings = NamedExpressions(reader, "let", "let: { pendingDays: daysBetween(p.deadline, today.date) }", diagnostics);
        return bindings is null ? null : new LetSyntax(reader.Location, bindings);
    }

    /// <summary><c>aggregate: Type</c> with <c>where</c>, <c>groupBy</c>, <c>as</c> (required), <c>compute</c> (required) and <c>having</c>.</summary>
    public static AggregateSyntax? ReadAggregate(YamlMappingReader reader, DiagnosticBag diagnostics)
    {
        var type = Text(reader, "aggregate", diagnostics);
        var where = Text(reader, "where", diagnostics);
        var groupBy = Text(reader, "groupBy", diagnostics);
        var alias = Text(reader, "as", diagnostics);
        var having = Text(reader, "having", diagnostics);
        if (alias is null && !reader.Has("as"))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, reader.Location, "'aggregate' needs 'as:' to name its results", "add e.g. 'as: pledge'");
        }

        IReadOnlyList<NamedExpressionSyntax>? compute = null;
        if (!reader.Has("compute"))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, reader.Location, "'aggregate' needs 'compute:' with at least one value",
                "add e.g. 'compute: { n: count(), troops: sum(size) }'");
        }
        else
        {
            compute = NamedExpressions(reader, "compute", "compute: { n: count(), troops: sum(size) }", diagnostics);
        }

        return type is null || alias is null || compute is null ? null : new AggregateSyntax(reader.Location, type, where, groupBy, alias, compute, having);
    }

    private static IReadOnlyList<NamedExpressionSyntax>? NamedExpressions(YamlMappingReader reader, string key, string example, DiagnosticBag diagnostics)
    {
        var node = reader.Node(key);
        if (node is not YamlMapping mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongNodeKind, node?.Location ?? reader.Location,
                $"'{key}' must be a map of names to expressions, not {node?.KindName ?? "nothing"}", $"write {example}");
            return null;
        }

        if (mapping.Entries.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.EmptyValue, mapping.Location, $"'{key}' is empty", $"write {example}");
            return null;
        }

        var result = new List<NamedExpressionSyntax>();
        foreach (var (name, value) in mapping.Entries)
        {
            // In a flow map YAML ends a plain value at ", ": `{ d: daysBetween(a, b) }` reads as d: "daysBetween(a" and a key
            // "b)" without a value. An author means the call, so a value-less key after an unclosed '(' is joined back.
            if (result.Count > 0 && value is YamlScalar { IsNull: true } && Unclosed(result[^1].Value.Text))
            {
                var last = result[^1];
                result[^1] = last with { Value = last.Value with { Text = $"{last.Value.Text}, {name.Value}" } };
                continue;
            }

            if (YamlMappingReader.AsScalar(value, name.Value, diagnostics) is not { } scalar)
            {
                continue;
            }

            if (scalar.IsNull)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, scalar.Location, $"'{name.Value}' needs an expression", $"write {example}");
                continue;
            }

            result.Add(new NamedExpressionSyntax(new TextSyntax(name.Value, name.Location), new TextSyntax(scalar.Value, scalar.TextStart)));
        }

        return result;
    }

    /// <summary>Whether a text opens more parentheses or brackets than it closes (outside string literals).</summary>
    private static bool Unclosed(string text)
    {
        var (depth, quoted) = (0, false);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '(' or '[' when !quoted:
                    depth++;
                    break;
                case ')' or ']' when !quoted:
                    depth--;
                    break;
            }
        }

        return depth > 0;
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
}
