using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>The static type of a bound expression, as the binder checks it and as messages name it.</summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="EnumValues">For an enum, its values (a CLR enum's, or a declared enum's).</param>
/// <param name="Element">For a list, the type of its items.</param>
internal sealed record ExprType(ValueKind Kind, NameConventions.EnumNames? EnumValues = null, ExprType? Element = null)
{
    public static readonly ExprType Null = new(ValueKind.Null);
    public static readonly ExprType Bool = new(ValueKind.Bool);
    public static readonly ExprType Number = new(ValueKind.Number);
    public static readonly ExprType String = new(ValueKind.String);
    public static readonly ExprType Date = new(ValueKind.Date);

    public static ExprType Enum(Type enumType) => new(ValueKind.Enum, NameConventions.GetEnumNames(enumType));

    public static ExprType Enum(NameConventions.EnumNames values) => new(ValueKind.Enum, values);

    /// <summary>The type of a fact field's values (a list's for list fields).</summary>
    public static ExprType Of(FactFieldDescriptor field)
    {
        var scalar = field.Enum is { } values ? Enum(values) : OfScalar(field.ScalarType)
            ?? throw new InvalidOperationException($"field {field.Name} has unsupported type {field.ScalarType}");
        return field.IsList ? ListOf(scalar) : scalar;
    }

    public static ExprType ListOf(ExprType element) => new(ValueKind.List, Element: element);

    /// <summary>The type of values of a non-nullable scalar CLR type, or null when facts (and so expressions) cannot hold it.</summary>
    public static ExprType? OfScalar(Type scalarType) =>
        FactFieldDescriptor.IsSupportedScalar(scalarType)
            ? FactFieldDescriptor.KindOf(scalarType) switch
            {
                FieldKind.String => String,
                FieldKind.Bool => Bool,
                FieldKind.Date => Date,
                FieldKind.Enum => Enum(scalarType),
                _ => Number,
            }
            : null;

    /// <summary>The type with its article, as messages use it: <c>a number</c>, <c>an enum Stance</c>, <c>null</c>.</summary>
    public string Described => Kind == ValueKind.Null ? "null" : WithArticle(ToString());

    public static string WithArticle(string noun) =>
        noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? $"an {noun}" : $"a {noun}";

    /// <summary>How messages name the type: <c>number</c>, <c>enum Stance</c>, <c>list of string</c>.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "bool",
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.Date => "date",
        ValueKind.Enum => $"enum {EnumValues!.Name}",
        _ => $"list of {Element}",
    };
}
