using System.Collections;
using System.Globalization;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Converts a template's value to a fact field's CLR type, for facts inserted by rules.</summary>
internal static class FieldValueConverter
{
    public static bool TryConvert(object? value, FactFieldDescriptor field, out object? converted, out string? error)
    {
        error = null;
        converted = null;
        if (value is null)
        {
            return true;
        }

        if (field.IsList)
        {
            var items = value is IEnumerable e and not string ? e.Cast<object?>().ToList() : [value];
            var result = new List<object?>(items.Count);
            foreach (var item in items)
            {
                if (!TryConvertScalar(item, field, out var one, out error))
                {
                    return false;
                }

                result.Add(one);
            }

            converted = FactTypeDescriptor.CreateList(field.ScalarType, result);
            return true;
        }

        return TryConvertScalar(value, field, out converted, out error);
    }

    private static bool TryConvertScalar(object? value, FactFieldDescriptor field, out object? converted, out string? error)
    {
        error = null;
        converted = null;
        var target = field.ScalarType;
        if (value is null || target.IsInstanceOfType(value) && field.Enum is not { IsDeclared: true })
        {
            converted = value;
            return true;
        }

        var text = value as string ?? FactValueFormatter.Format(value);
        switch (field.ElementKind)
        {
            case FieldKind.Enum when field.Enum!.TryParse(text, out var enumValue):
                converted = enumValue;
                return true;
            case FieldKind.String:
                converted = text;
                return true;
            case FieldKind.Bool when text is "true" or "false":
                converted = text == "true";
                return true;
            case FieldKind.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                converted = date;
                return true;
            case FieldKind.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                try
                {
                    converted = target == typeof(decimal) ? number
                        : target == typeof(int) ? decimal.ToInt32(number)
                        : target == typeof(long) ? decimal.ToInt64(number)
                        : (object)(double)number;
                    return true;
                }
                catch (OverflowException)
                {
                    break;
                }

        }

        error = field.ElementKind == FieldKind.Enum
            ? $"'{text}' is not a valid {field.Name} (valid: {string.Join(", ", field.Enum!.Names)})"
            : $"'{text}' is not a valid {field.ElementKind.ToString().ToLowerInvariant()} for '{field.Name}'";
        return false;
    }
}
