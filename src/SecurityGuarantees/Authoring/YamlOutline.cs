using System.Text.RegularExpressions;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Where a position sits in a YAML file, read from indentation alone. Completion is asked for mid-edit, when the text
/// often is not valid YAML yet (a half-typed key has no colon), so this does not parse: it only finds the enclosing keys
/// and the sibling keys. Every diagnostic still comes from the real loader.
/// </summary>
internal static partial class YamlOutline
{
    /// <summary>The context of <paramref name="position"/>.</summary>
    public static YamlContext At(SourceLines lines, TextPosition position)
    {
        var prefix = lines.Prefix(position);
        var indent = prefix.Length - prefix.TrimStart(' ').Length;
        var owner = FindOwner(lines, position.Line, prefix.Trim().Length == 0 ? prefix.Length : indent);

        // Inside a block scalar (where: >-) or a plain scalar continued on this line: the value of the owner key.
        if (owner is { } o && o.Key is not null && (IsBlockIndicator(o.Value) || (o.Value.Length > 0 && !KeyLine().IsMatch(prefix)
            && !o.Value.StartsWith('{') && !o.Value.StartsWith('['))))
        {
            var text = IsBlockIndicator(o.Value) ? "" : o.Value + " ";
            for (var line = o.Line + 1; line < position.Line; line++)
            {
                text += lines[line].Trim() + " ";
            }

            return Build(lines, o.Line, o.KeyColumn, o.Key, text + prefix.TrimStart(), partial: "", isValue: true);
        }

        var keyMatch = KeyPosition().Match(prefix);
        if (keyMatch.Success)
        {
            var column = keyMatch.Groups[1].Length + keyMatch.Groups[2].Length;
            return Build(lines, position.Line, column, null, "", keyMatch.Groups[3].Value, isValue: false);
        }

        var flowItem = FlowItem().Match(prefix);
        if (flowItem.Success)
        {
            // "- { id: UA, kind: st": a flow mapping as a list item; its keys are those of the list's items.
            var column = flowItem.Groups[1].Length + flowItem.Groups[2].Length;
            return InFlow(lines, position.Line, column + 1, flowItem.Groups[3].Value, null);
        }

        var valueMatch = ValuePosition().Match(prefix);
        if (valueMatch.Success)
        {
            var column = valueMatch.Groups[1].Length + valueMatch.Groups[2].Length;
            var key = valueMatch.Groups[3].Value;
            var value = valueMatch.Groups[4].Value;
            return value.StartsWith('{')
                ? InFlow(lines, position.Line, column + 1, value[1..], key)
                : Build(lines, position.Line, column, key, value, partial: "", isValue: true);
        }

        return Build(lines, position.Line, indent, null, prefix.TrimStart(), partial: "", isValue: true);
    }

    private static YamlContext InFlow(SourceLines lines, int line, int column, string inner, string? key)
    {
        var cut = Math.Max(inner.LastIndexOf(','), inner.LastIndexOf('{'));
        var segment = inner[(cut + 1)..].TrimStart();
        var colon = segment.IndexOf(':');
        var outer = Build(lines, line, column - 1, null, "", "", isValue: false);
        var path = key is null ? outer.Path : [.. outer.Path, key];
        var pathLines = key is null ? outer.PathLines : [.. outer.PathLines, line];
        var siblings = FlowKeys().Matches(inner).Select(m => m.Groups[1].Value).ToDictionary(k => k, _ => line, StringComparer.Ordinal);
        return colon < 0
            ? new YamlContext(path, pathLines, null, line, "", segment, siblings, FlowValues(inner))
            : new YamlContext(path, pathLines, segment[..colon].Trim(), line, segment[(colon + 1)..].TrimStart(), "", siblings, FlowValues(inner));
    }

    private static Dictionary<string, string> FlowValues(string inner) =>
        FlowKeys().Matches(inner).Where(m => m.Groups[2].Success).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value.Trim(), StringComparer.Ordinal);

    private static YamlContext Build(SourceLines lines, int line, int keyColumn, string? key, string value, string partial, bool isValue)
    {
        var path = new List<string>();
        var pathLines = new List<int>();
        var column = keyColumn;
        for (var i = line - 1; i >= 1 && column > 0; i--)
        {
            if (Parse(lines[i], i) is { Key: not null } entry && entry.KeyColumn < column)
            {
                path.Insert(0, entry.Key);
                pathLines.Insert(0, i);
                column = entry.KeyColumn;
            }
        }

        var siblings = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ownLine = Parse(lines[line], line);
        var startsItem = ownLine is { } own && own.KeyColumn == keyColumn && own.IsItem;
        if (!startsItem)
        {
            for (var i = line - 1; i >= 1; i--)
            {
                if (Parse(lines[i], i) is not { } entry)
                {
                    continue;
                }

                if (entry.KeyColumn < keyColumn)
                {
                    break;
                }

                if (entry.KeyColumn == keyColumn && entry.Key is not null)
                {
                    siblings.TryAdd(entry.Key, i);
                    values.TryAdd(entry.Key, entry.Value);
                    if (entry.IsItem)
                    {
                        break;
                    }
                }
            }
        }

        for (var i = line + 1; i <= lines.Count; i++)
        {
            if (Parse(lines[i], i) is not { } entry)
            {
                continue;
            }

            if (entry.KeyColumn < keyColumn || (entry.KeyColumn == keyColumn && entry.IsItem))
            {
                break;
            }

            if (entry.KeyColumn == keyColumn && entry.Key is not null)
            {
                siblings.TryAdd(entry.Key, i);
                values.TryAdd(entry.Key, entry.Value);
            }
        }

        if (key is not null)
        {
            siblings.Remove(key);
        }

        return new YamlContext(path, pathLines, isValue ? key : null, line, isValue ? value : "", partial, siblings, values);
    }

    /// <summary>The nearest line above that is less indented than <paramref name="indent"/>.</summary>
    private static LineEntry? FindOwner(SourceLines lines, int line, int indent)
    {
        for (var i = line - 1; i >= 1; i--)
        {
            if (Parse(lines[i], i) is { } entry && entry.KeyColumn < indent)
            {
                return entry;
            }
        }

        return null;
    }

    private static bool IsBlockIndicator(string value) => BlockIndicator().IsMatch(value.Trim());

    /// <summary>A non-blank, non-comment line: where its key (or item text) starts, the key, and the value after the colon.</summary>
    private static LineEntry? Parse(string text, int line)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return null;
        }

        var match = EntryLine().Match(text);
        var column = match.Groups[1].Length + match.Groups[2].Length;
        var isItem = match.Groups[2].Length > 0;
        return match.Groups[3].Success
            ? new LineEntry(line, column, match.Groups[3].Value, match.Groups[4].Value.Trim(), isItem)
            : new LineEntry(line, column, null, text[column..].Trim(), isItem);
    }

    private sealed record LineEntry(int Line, int KeyColumn, string? Key, string Value, bool IsItem);

    [GeneratedRegex(@"^(\s*)((?:-\s+)*)([\w.-]*)$")]
    private static partial Regex KeyPosition();

    [GeneratedRegex(@"^(\s*)((?:-\s+)*)([\w.-]+)\s*:(?:\s+(.*))?$")]
    private static partial Regex ValuePosition();

    [GeneratedRegex(@"^(\s*)((?:-\s+)*)\{(.*)$")]
    private static partial Regex FlowItem();

    [GeneratedRegex(@"^\s*(?:-\s+)*[\w.-]+\s*:(\s|$)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^(\s*)((?:-\s*)*)(?:([\w.-]+)\s*:(?:\s+(.*))?$)?")]
    private static partial Regex EntryLine();

    [GeneratedRegex(@"([\w.-]+)\s*:(?:\s*([^,{}]*))?")]
    private static partial Regex FlowKeys();

    [GeneratedRegex(@"^[|>][-+]?\d*(\s+#.*)?$")]
    private static partial Regex BlockIndicator();
}

/// <summary>Where a position sits in a YAML file.</summary>
/// <param name="Path">The enclosing keys, outermost first (list items are transparent).</param>
/// <param name="PathLines">The line of each of those keys.</param>
/// <param name="Key">The key whose value holds the position, or null in key position.</param>
/// <param name="KeyLine">The line of that key (or of the position).</param>
/// <param name="ValuePrefix">The value's text before the position (continuation lines joined by spaces).</param>
/// <param name="Partial">In key position, the part of the key already typed.</param>
/// <param name="Siblings">The other keys of the same mapping, with their lines.</param>
/// <param name="Values">The values of those keys as written on their lines.</param>
internal sealed record YamlContext(IReadOnlyList<string> Path, IReadOnlyList<int> PathLines, string? Key, int KeyLine, string ValuePrefix, string Partial,
    IReadOnlyDictionary<string, int> Siblings, IReadOnlyDictionary<string, string> Values)
{
    public bool IsKeyPosition => Key is null;
}
