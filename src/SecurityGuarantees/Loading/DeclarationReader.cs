using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Loading;

/// <summary>Reads a rule file's top-level <c>enums:</c> and <c>types:</c> into syntax; names and types are checked when they are registered.</summary>
internal static class DeclarationReader
{
    public static IReadOnlyList<EnumDeclarationSyntax> ReadEnums(YamlNode? node, DiagnosticBag diagnostics)
    {
        if (node is null || YamlMappingReader.From(node, "'enums'", diagnostics) is not { } reader)
        {
            return [];
        }

        var enums = new List<EnumDeclarationSyntax>();
        foreach (var (name, valuesNode) in reader.Mapping.Entries)
        {
            var values = valuesNode switch
            {
                YamlSequence sequence => sequence.Items.Select(i => YamlMappingReader.AsScalar(i, name.Value, diagnostics)).OfType<YamlScalar>().ToList(),
                _ => null,
            };
            if (values is null)
            {
                diagnostics.Error(DiagnosticCodes.WrongNodeKind, valuesNode.Location, $"enum '{name.Value}' must be a list of values, not {valuesNode.KindName}",
                    $"write its values as a list: {name.Value}: [first-value, second-value]");
                continue;
            }

            enums.Add(new EnumDeclarationSyntax(Text(name), [.. values.Select(Text)]));
        }

        return enums;
    }

    public static IReadOnlyList<TypeDeclarationSyntax> ReadTypes(YamlNode? node, DiagnosticBag diagnostics)
    {
        if (node is null || YamlMappingReader.From(node, "'types'", diagnostics) is not { } reader)
        {
            return [];
        }

        var types = new List<TypeDeclarationSyntax>();
        foreach (var (name, body) in reader.Mapping.Entries)
        {
            if (ReadType(name, body, diagnostics) is { } type)
            {
                types.Add(type);
            }
        }

        return types;
    }

    private static TypeDeclarationSyntax? ReadType(YamlScalar name, YamlNode body, DiagnosticBag diagnostics)
    {
        var reader = YamlMappingReader.From(body, $"type '{name.Value}'", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var description = reader.String("description");
        var key = reader.ScalarList("key")?.Select(Text).ToList();
        var keyLocation = reader.Has("key") ? reader.KeyLocation("key") : name.Location;
        var fields = new List<FieldDeclarationSyntax>();
        if (reader.Node("fields", required: true) is { } fieldsNode && YamlMappingReader.From(fieldsNode, $"the fields of '{name.Value}'", diagnostics) is { } fieldReader)
        {
            if (fieldReader.Mapping.Entries.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.EmptyValue, fieldsNode.Location, $"type '{name.Value}' has no fields", "add at least its key field, e.g. 'id: string'");
            }

            foreach (var (fieldName, typeNode) in fieldReader.Mapping.Entries)
            {
                if (YamlMappingReader.AsScalar(typeNode, fieldName.Value, diagnostics) is { } typeText)
                {
                    if (typeText.IsNull)
                    {
                        diagnostics.Error(DiagnosticCodes.EmptyValue, fieldName.Location, $"field '{fieldName.Value}' of '{name.Value}' has no type",
                            "write its type, e.g. 'title: string'");
                        continue;
                    }

                    fields.Add(new FieldDeclarationSyntax(Text(fieldName), Text(typeText)));
                }
            }
        }

        var defaults = new List<FieldDefaultSyntax>();
        if (reader.Node("defaults") is { } defaultsNode && YamlMappingReader.From(defaultsNode, $"the defaults of '{name.Value}'", diagnostics) is { } defaultsReader)
        {
            foreach (var (field, value) in defaultsReader.Mapping.Entries)
            {
                switch (value)
                {
                    case YamlSequence sequence:
                        defaults.Add(new FieldDefaultSyntax(Text(field),
                            [.. sequence.Items.Select(i => YamlMappingReader.AsScalar(i, field.Value, diagnostics)).OfType<YamlScalar>().Select(Text)], null));
                        break;
                    default:
                        if (YamlMappingReader.AsScalar(value, field.Value, diagnostics) is { } scalar)
                        {
                            defaults.Add(new FieldDefaultSyntax(Text(field), null, scalar.IsNull ? null : Text(scalar)));
                        }

                        break;
                }
            }
        }

        reader.ReportUnknownKeys();
        return new TypeDeclarationSyntax(Text(name), description, key, keyLocation, fields, defaults);
    }

    private static TextSyntax Text(YamlScalar scalar) => new(scalar.Value, scalar.TextStart);
}
