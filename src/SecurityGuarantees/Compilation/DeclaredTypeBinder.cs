using System.Text.RegularExpressions;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Registers the enums and fact types declared in rule files (<c>enums:</c>, <c>types:</c>). Declarations are global to
/// everything loaded together, so they are registered from all files before any rule is bound; a type with an error is
/// not registered (the build fails anyway, and its uses are not reported again as unknown types).
/// </summary>
internal static partial class DeclaredTypeBinder
{
    private static readonly string[] ScalarTypeNames = ["string", "number", "integer", "bool", "date"];

    public static void Register(IReadOnlyList<RuleSetSyntax> files, FactTypeRegistry types, DiagnosticBag diagnostics)
    {
        var builtInEnums = types.BuiltInEnums;
        var declared = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var declaration in files.SelectMany(f => f.Enums))
        {
            // Registered with its good values even when some are wrong (the build fails anyway): its uses are not reported again.
            var nameOk = CheckName(declaration.Name, "enum", types, builtInEnums, declared, diagnostics);
            CheckValues(declaration, diagnostics);
            if (nameOk)
            {
                types.RegisterEnum(new NameConventions.EnumNames(declaration.Name.Text,
                    [.. declaration.Values.Select(v => v.Text).Where(v => KebabCase().IsMatch(v)).Distinct(StringComparer.Ordinal)]));
            }
        }

        var enums = new Dictionary<string, NameConventions.EnumNames>(builtInEnums, StringComparer.Ordinal);
        foreach (var (name, values) in types.DeclaredEnums)
        {
            enums[name] = values;
        }

        foreach (var file in files)
        {
            foreach (var declaration in file.Types)
            {
                var nameOk = CheckName(declaration.Name, "type", types, builtInEnums, declared, diagnostics);
                if (Describe(declaration, file.File, enums, diagnostics) is { } descriptor && nameOk)
                {
                    types.RegisterDeclared(descriptor);
                }
            }
        }
    }

    private static bool CheckName(TextSyntax name, string what, FactTypeRegistry types, IReadOnlyDictionary<string, NameConventions.EnumNames> builtInEnums,
        Dictionary<string, SourceLocation> declared, DiagnosticBag diagnostics)
    {
        if (!FactTypeRegistry.IsValidTypeName(name.Text))
        {
            diagnostics.Error(DiagnosticCodes.InvalidDeclaredName, name.Location, $"invalid {what} name '{name.Text}'",
                $"{what} names start with a letter and contain only letters and digits, e.g. SanctionPackage");
            return false;
        }

        if (declared.TryGetValue(name.Text, out var first))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateDeclaration, name.Location, $"'{name.Text}' is declared twice (first at {first})",
                "rename one of them, or remove the copy: declarations are shared by every file loaded together");
            return false;
        }

        declared.Add(name.Text, name.Location);
        if (types.Find(name.Text) is { } registered)
        {
            diagnostics.Error(DiagnosticCodes.DeclarationClash, name.Location,
                $"{what} '{name.Text}' clashes with the fact type '{registered.Name}' registered in C# ({registered.ClrType.Name})",
                "choose another name");
            return false;
        }

        if (builtInEnums.Values.FirstOrDefault(e => e.YamlName == name.Text || e.Name == name.Text) is { } builtIn)
        {
            diagnostics.Error(DiagnosticCodes.DeclarationClash, name.Location, $"{what} '{name.Text}' clashes with the built-in enum '{builtIn.YamlName}'",
                "choose another name");
            return false;
        }

        return true;
    }

    private static void CheckValues(EnumDeclarationSyntax declaration, DiagnosticBag diagnostics)
    {
        if (declaration.Values.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidDeclaredName, declaration.Name.Location, $"enum '{declaration.Name.Text}' has no values",
                $"list its values: {declaration.Name.Text}: [first-value, second-value]");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in declaration.Values)
        {
            if (!KebabCase().IsMatch(value.Text))
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredName, value.Location, $"invalid value '{value.Text}' of enum '{declaration.Name.Text}'",
                    $"enum values are kebab-case: lower-case letters and digits joined by '-', e.g. '{NameConventions.ToKebabCase(value.Text.Replace(' ', '-'))}'");
            }
            else if (!seen.Add(value.Text))
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredName, value.Location, $"'{value.Text}' is listed twice in enum '{declaration.Name.Text}'",
                    "remove the copy");
            }
        }
    }

    private static FactTypeDescriptor? Describe(TypeDeclarationSyntax declaration, string file, IReadOnlyDictionary<string, NameConventions.EnumNames> enums,
        DiagnosticBag diagnostics)
    {
        var keyNames = declaration.Key?.Select(k => k.Text).ToList() ?? ["id"];
        var fields = new List<FactFieldDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in declaration.Fields)
        {
            if (!FieldName().IsMatch(field.Name.Text))
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredName, field.Name.Location, $"invalid field name '{field.Name.Text}' in type '{declaration.Name.Text}'",
                    "field names are camelCase: a lower-case letter, then letters and digits, e.g. adoptedOn");
                continue;
            }

            if (!seen.Add(field.Name.Text) || ResolveFieldType(field, declaration.Name.Text, enums, diagnostics) is not { } fieldType)
            {
                continue;
            }

            var keyIndex = keyNames.IndexOf(field.Name.Text);
            fields.Add(new FactFieldDescriptor(field.Name.Text, fields.Count, fieldType.IsList ? FieldKind.List : fieldType.Kind, fieldType.Scalar,
                fieldType.IsList, keyIndex < 0 ? null : keyIndex, fieldType.ClrType, fieldType.Enum, field.Type.Text));
        }

        CheckKey(declaration, keyNames, fields, seen, diagnostics);
        // A type with errors is still registered with the fields that are right: the build fails anyway, and the
        // rules and scenarios that use it are not reported again for an unknown type.
        var defaults = Defaults(declaration, fields, diagnostics) ?? new object?[fields.Count];

        var signature = string.Join(", ", fields.Select(f => $"{f.Name}: {f.DeclaredTypeText}"));
        var type = new DeclaredFactType(declaration.Name.Text, declaration.Description, [.. fields.Select(f => f.Name)], signature, file,
            declaration.Name.Location.Line, declaration.Name.Location.Column);
        return FactTypeDescriptor.Declared(type, fields, defaults);
    }

    private static void CheckKey(TypeDeclarationSyntax declaration, List<string> keyNames, List<FactFieldDescriptor> fields, HashSet<string> declared,
        DiagnosticBag diagnostics)
    {
        if (declaration.Key is { Count: 0 })
        {
            diagnostics.Error(DiagnosticCodes.InvalidDeclaredKey, declaration.KeyLocation, $"type '{declaration.Name.Text}' has an empty key",
                "name one or more key fields, e.g. key: [id]");
            return;
        }

        foreach (var (name, index) in keyNames.Select((n, i) => (n, i)))
        {
            var at = declaration.Key?[index].Location ?? declaration.KeyLocation;
            if (keyNames.IndexOf(name) != index)
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredKey, at, $"key field '{name}' is listed twice", "remove the copy");
            }
            else if (!declared.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredKey, at,
                    declaration.Key is null
                        ? $"type '{declaration.Name.Text}' has no field 'id' to key its facts"
                        : $"key field '{name}' is not a field of '{declaration.Name.Text}'",
                    declaration.Key is null
                        ? "add 'id: string' to its fields, or name its key fields: key: [field, ...]"
                        : NameSuggester.Hint(name, [.. declaration.Fields.Select(f => f.Name.Text)]));
            }
            else if (fields.FirstOrDefault(f => f.Name == name) is { IsList: true })
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredKey, at, $"key field '{name}' is a list", "key fields hold one value each");
            }
        }
    }

    /// <summary>Every field's value when a fact does not give it, by slot: defaults, else empty lists, false, null.</summary>
    private static object?[]? Defaults(TypeDeclarationSyntax declaration, List<FactFieldDescriptor> fields, DiagnosticBag diagnostics)
    {
        var values = new object?[fields.Count];
        foreach (var field in fields)
        {
            values[field.Slot] = field.IsList ? FactTypeDescriptor.CreateList(field.ScalarType, []) : field.Kind == FieldKind.Bool ? false : null;
        }

        var ok = true;
        foreach (var given in declaration.Defaults)
        {
            var field = fields.FirstOrDefault(f => f.Name == given.Field.Text);
            if (field is null)
            {
                if (declaration.Fields.All(f => f.Name.Text != given.Field.Text))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidDeclaredDefault, given.Field.Location, $"default for unknown field '{given.Field.Text}' of '{declaration.Name.Text}'",
                        NameSuggester.Hint(given.Field.Text, [.. declaration.Fields.Select(f => f.Name.Text)]));
                }

                ok = false;
                continue;
            }

            if (field.IsKey)
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredDefault, given.Field.Location, $"key field '{field.Name}' cannot have a default",
                    "every fact gives its key fields");
                ok = false;
                continue;
            }

            object? raw = given.Items is { } items ? items.Select(i => i.Text).ToList() : given.Value?.Text;
            if (!field.IsList && given.Items is not null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredDefault, given.Field.Location, $"'{field.Name}' holds one value, not a list", null);
                ok = false;
            }
            else if (!FieldValueConverter.TryConvert(raw, field, out var converted, out var error))
            {
                diagnostics.Error(DiagnosticCodes.InvalidDeclaredDefault, (given.Value ?? given.Field).Location, $"invalid default: {error}",
                    $"'{field.Name}' is {field.DeclaredTypeText}");
                ok = false;
            }
            else if (converted is not null)
            {
                values[field.Slot] = converted;
            }
        }

        return ok ? values : null;
    }

    private sealed record FieldType(FieldKind Kind, Type Scalar, Type ClrType, bool IsList, NameConventions.EnumNames? Enum);

    private static FieldType? ResolveFieldType(FieldDeclarationSyntax field, string typeName, IReadOnlyDictionary<string, NameConventions.EnumNames> enums,
        DiagnosticBag diagnostics)
    {
        var text = field.Type.Text.Trim();
        var isList = false;
        if (text.StartsWith("list<", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            isList = true;
            text = text[5..^1].Trim();
        }

        FieldType? scalar = text switch
        {
            "string" => new(FieldKind.String, typeof(string), typeof(string), false, null),
            "number" => new(FieldKind.Number, typeof(decimal), typeof(decimal?), false, null),
            "integer" => new(FieldKind.Number, typeof(long), typeof(long?), false, null),
            "bool" => new(FieldKind.Bool, typeof(bool), typeof(bool), false, null),
            "date" => new(FieldKind.Date, typeof(DateOnly), typeof(DateOnly?), false, null),
            _ when enums.TryGetValue(text, out var values) => new(FieldKind.Enum, values.ClrType,
                values.IsDeclared ? typeof(string) : typeof(Nullable<>).MakeGenericType(values.ClrType), false, values),
            _ => null,
        };
        if (scalar is null)
        {
            var known = ScalarTypeNames.Concat(enums.Keys.Order(StringComparer.Ordinal)).ToList();
            diagnostics.Error(DiagnosticCodes.UnknownFieldType, field.Type.Location, $"unknown type '{field.Type.Text}' for field '{field.Name.Text}' of '{typeName}'",
                text.StartsWith("list", StringComparison.Ordinal) && isList
                    ? "a list holds one of: " + string.Join(", ", known)
                    : NameSuggester.Closest(text, known) is { } closest
                        ? $"did you mean '{(isList ? $"list<{closest}>" : closest)}'?"
                        : $"field types: {string.Join(", ", ScalarTypeNames)}, list<T>, a declared enum or a built-in one ({string.Join(", ", enums.Keys.Order(StringComparer.Ordinal).Take(4))}, ...)");
            return null;
        }

        return isList ? scalar with { IsList = true, ClrType = scalar.Scalar.MakeArrayType() } : scalar;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex FieldName();
}
