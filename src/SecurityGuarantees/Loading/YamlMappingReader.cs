using System.Globalization;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Loading;

/// <summary>
/// Reads the keys of one mapping with type checks, and reports every key it was not asked about as unknown,
/// with the closest known key suggested.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly YamlMapping _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _context;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public YamlMappingReader(YamlMapping mapping, string context, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        _context = context;
        _diagnostics = diagnostics;
    }

    public YamlMapping Mapping => _mapping;

    public SourceLocation Location => _mapping.Location;

    /// <summary>Reads a node as a mapping, or reports what it is instead.</summary>
    public static YamlMappingReader? From(YamlNode? node, string context, DiagnosticBag diagnostics)
    {
        if (node is YamlMapping mapping)
        {
            return new YamlMappingReader(mapping, context, diagnostics);
        }

        if (node is not null)
        {
            diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"{context} must be a map of keys and values, not {node.KindName}");
        }

        return null;
    }

    public bool Has(string key) => _mapping[key] is not null;

    /// <summary>The node under <paramref name="key"/>, or <see langword="null"/>; marks the key as known.</summary>
    public YamlNode? Node(string key, bool required = false)
    {
        _known.Add(key);
        var node = _mapping[key];
        if (node is null && required)
        {
            _diagnostics.Error(DiagnosticCodes.MissingKey, _mapping.Location, $"{_context} is missing the required key '{key}'", $"add '{key}:'");
        }

        return node;
    }

    /// <summary>The location of a key itself (for messages about the key).</summary>
    public SourceLocation KeyLocation(string key) =>
        _mapping.IndexOf(key) is var i and >= 0 ? _mapping.Entries[i].Key.Location : _mapping.Location;

    public YamlScalar? Scalar(string key, bool required = false)
    {
        var node = Node(key, required);
        return AsScalar(node, key, _diagnostics);
    }

    public string? String(string key, bool required = false)
    {
        var scalar = Scalar(key, required);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsNull)
        {
            if (required)
            {
                _diagnostics.Error(DiagnosticCodes.EmptyValue, scalar.Location, $"'{key}' needs a value");
            }

            return null;
        }

        return scalar.Value;
    }

    public int? Int(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{key}' must be a whole number, not '{scalar.Value}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        switch (scalar.Value)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                _diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{key}' must be true or false, not '{scalar.Value}'");
                return null;
        }
    }

    /// <summary>A list of scalars; a single scalar is accepted as a one-item list.</summary>
    public IReadOnlyList<YamlScalar>? ScalarList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: true }:
                return [];
            case YamlScalar single:
                return [single];
            case YamlSequence sequence:
                var items = new List<YamlScalar>();
                foreach (var item in sequence.Items)
                {
                    if (AsScalar(item, key, _diagnostics) is { } scalar)
                    {
                        items.Add(scalar);
                    }
                }

                return items;
            default:
                _diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{key}' must be a list of values, not {node.KindName}");
                return null;
        }
    }

    public YamlSequence? Sequence(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null or YamlSequence)
        {
            return (YamlSequence?)node;
        }

        _diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{key}' must be a list (items starting with '- '), not {node.KindName}");
        return null;
    }

    /// <summary>Reports every key not asked for; call after reading all known keys.</summary>
    public void ReportUnknownKeys(IEnumerable<string>? alsoKnown = null)
    {
        var known = new HashSet<string>(_known, StringComparer.Ordinal);
        if (alsoKnown is not null)
        {
            known.UnionWith(alsoKnown);
        }

        foreach (var (key, _) in _mapping.Entries)
        {
            if (!known.Contains(key.Value))
            {
                _diagnostics.Error(DiagnosticCodes.UnknownKey, key.Location, $"unknown key '{key.Value}' in {_context}",
                    NameSuggester.Hint(key.Value, known));
            }
        }
    }

    public static YamlScalar? AsScalar(YamlNode? node, string key, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar:
                return scalar;
            case YamlMapping mapping when mapping.Entries.Count == 1 && mapping.Entries[0].Value is YamlScalar { IsNull: true }:
                // `subject: {p.id}` is a flow map with one key and no value.
                diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{key}' must be a text value, but YAML read '{{...}}' as a map",
                    $"quote the template: {key}: \"{{{mapping.Entries[0].Key.Value}}}\"");
                return null;
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{key}' must be a single value, not {node.KindName}",
                    node is YamlMapping ? "quote the value if it starts with '{'" : "quote the value if it starts with '['");
                return null;
        }
    }
}
