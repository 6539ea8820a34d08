using System.Globalization;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Loading;

/// <summary>
/// Turns a YAML map into a fact of a registered type. Scalars are typed by the target field, so a party id
/// <c>NO</c> stays the string "NO"; parsing is culture-invariant.
/// </summary>
internal static class FactReader
{
    public static object? Read(YamlNode node, FactTypeDescriptor type, DiagnosticBag diagnostics, bool keyOnly = false)
    {
        var reader = YamlMappingReader.From(node, $"a {type.Name} fact", diagnostics);
        if (reader is null)
        {
            return null;
        }

        var values = new Dictionary<FactFieldDescriptor, object?>();
        var ok = true;
        foreach (var (key, valueNode) in reader.Mapping.Entries)
        {
            var field = type.FindField(key.Value);
            if (field is null)
            {
                diagnostics.Error(DiagnosticCodes.UnknownField, key.Location, $"unknown field '{key.Value}' on {type.Name}",
                    NameSuggester.Hint(key.Value, type.Fields.Select(f => f.Name).ToList()));
                ok = false;
                continue;
            }

            if (keyOnly && !field.IsKey && field != type.AlternativeIdField)
            {
                diagnostics.Error(DiagnosticCodes.TimelineError, key.Location, $"'{key.Value}' is not a key field of {type.Name}",
                    $"a retract names the fact by its key only: {string.Join(", ", type.KeyFields.Select(f => f.Name))}");
                ok = false;
                continue;
            }

            if (TryConvert(valueNode, field, type, diagnostics, out var value))
            {
                if (value is not null)
                {
                    values[field] = value;
                }
            }
            else
            {
                ok = false;
            }
        }

        var hasAlternativeId = type.AlternativeIdField is not null && values.ContainsKey(type.AlternativeIdField);
        if (!hasAlternativeId)
        {
            foreach (var keyField in type.KeyFields.Where(k => !values.ContainsKey(k)))
            {
                var either = type.AlternativeIdField is null ? "" : $" (or '{type.AlternativeIdField.Name}')";
                diagnostics.Error(DiagnosticCodes.MissingFactKey, reader.Location, $"{type.Name} fact is missing its key field '{keyField.Name}'{either}",
                    $"add '{keyField.Name}: ...'");
                ok = false;
            }
        }

        return ok ? type.Create(values) : null;
    }

    /// <summary>Converts a YAML value to a field's CLR value; <see langword="null"/> value means "not given".</summary>
    public static bool TryConvert(YamlNode node, FactFieldDescriptor field, FactTypeDescriptor type, DiagnosticBag diagnostics, out object? value)
    {
        value = null;
        if (field.IsList)
        {
            IReadOnlyList<YamlNode> items;
            switch (node)
            {
                case YamlSequence sequence:
                    items = sequence.Items;
                    break;
                case YamlScalar { IsNull: true }:
                    items = [];
                    break;
                default:
                    diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{field.Name}' of {type.Name} is a list, not {node.KindName}",
                        $"write it as a list: {field.Name}: [{(node is YamlScalar s ? s.Value : "...")}]");
                    return false;
            }

            var converted = new List<object?>(items.Count);
            var ok = true;
            foreach (var item in items)
            {
                var scalar = YamlMappingReader.AsScalar(item, field.Name, diagnostics);
                if (scalar is null || !TryConvertScalar(scalar, field, type, diagnostics, out var element) || element is null)
                {
                    if (scalar is { IsNull: true })
                    {
                        diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{field.Name}' of {type.Name} cannot hold an empty item");
                    }

                    ok = false;
                    continue;
                }

                converted.Add(element);
            }

            value = ok ? FactTypeDescriptor.CreateList(field.ScalarType, converted) : null;
            return ok;
        }

        var single = YamlMappingReader.AsScalar(node, field.Name, diagnostics);
        return single is not null && TryConvertScalar(single, field, type, diagnostics, out value);
    }

    private static bool TryConvertScalar(YamlScalar scalar, FactFieldDescriptor field, FactTypeDescriptor type, DiagnosticBag diagnostics, out object? value)
    {
        value = null;
        if (scalar.IsNull)
        {
            // A plain null, ~ or empty value means "not given"; quote it ("null") to mean the text.
            return true;
        }

        var text = scalar.Value;
        switch (field.ElementKind)
        {
            case FieldKind.String:
                if (field.IsKey && !RuleFileLoader.CheckId(text, scalar, $"{type.Name} {field.Name}", diagnostics))
                {
                    return false;
                }

                value = text;
                return true;
            case FieldKind.Bool:
                if (text is "true" or "false")
                {
                    value = text == "true";
                    return true;
                }

                return Fail("true or false", "write true or false (without quotes)");
            case FieldKind.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = date;
                    return true;
                }

                return Fail("a date", "write dates as yyyy-mm-dd, e.g. 2025-03-12");
            case FieldKind.Number:
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return Fail("a number", "write numbers with digits and an optional '.', e.g. 30 or 0.5");
                }

                try
                {
                    value = field.ScalarType == typeof(decimal) ? number
                        : field.ScalarType == typeof(int) ? decimal.ToInt32(number) == number ? decimal.ToInt32(number) : throw new OverflowException()
                        : field.ScalarType == typeof(long) ? decimal.ToInt64(number) == number ? decimal.ToInt64(number) : throw new OverflowException()
                        : (object)(double)number;
                    return true;
                }
                catch (OverflowException)
                {
                    return Fail("a whole number in range", "this field holds whole numbers");
                }

            case FieldKind.Enum:
                var names = field.Enum!;
                if (names.TryParse(text, out var enumValue))
                {
                    value = enumValue;
                    return true;
                }

                diagnostics.Error(DiagnosticCodes.UnknownEnumValue, scalar.TextStart, $"'{text}' is not a valid {field.Name} of {type.Name}",
                    NameSuggester.Hint(text, names.Names, listAtMost: 20));
                return false;
            default:
                return Fail("a value", null);
        }

        bool Fail(string expected, string? hint)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.TextStart, $"'{field.Name}' of {type.Name} must be {expected}, not '{text}'", hint);
            return false;
        }
    }
}
