using System.Reflection;

namespace SecurityGuarantees.Facts;

/// <summary>One field of a registered fact type: its author-facing name, CLR property and kind.</summary>
internal sealed class FactFieldDescriptor
{
    private Func<object?, object?>? _getter;

    public FactFieldDescriptor(PropertyInfo property, string name, FieldKind kind, Type scalarType, bool isList, int? keyOrder)
    {
        Property = property;
        Name = name;
        Kind = kind;
        ScalarType = scalarType;
        IsList = isList;
        KeyOrder = keyOrder;
    }

    /// <summary>camelCase name used in YAML, expressions and JSON.</summary>
    public string Name { get; }

    public PropertyInfo Property { get; }

    /// <summary>The CLR type of the property as declared (e.g. <c>int?</c>, <c>IReadOnlyList&lt;string&gt;</c>).</summary>
    public Type ClrType => Property.PropertyType;

    /// <summary>For a scalar field, its kind; for a list, <see cref="FieldKind.List"/>.</summary>
    public FieldKind Kind { get; }

    /// <summary>The element kind of a list field, or the kind of a scalar field.</summary>
    public FieldKind ElementKind => IsList ? KindOf(ScalarType) : Kind;

    /// <summary>The non-nullable scalar type (the element type for lists), e.g. <c>int</c>, <c>string</c>, an enum.</summary>
    public Type ScalarType { get; }

    public bool IsList { get; }

    /// <summary>Position in the key, or <see langword="null"/> when not a key field.</summary>
    public int? KeyOrder { get; }

    public bool IsKey => KeyOrder.HasValue;

    /// <summary>Compiled at first use: a run reads few of the registered fields (keys, template holes, index keys).</summary>
    public Func<object?, object?> Getter => _getter ??= CompileGetter(Property);

    public override string ToString() => Name;

    /// <summary>A compiled <c>(object fact) =&gt; (object?)((T)fact).Property</c>: keys and templates read fields on hot paths.</summary>
    private static Func<object?, object?> CompileGetter(PropertyInfo property) => Getters.GetOrAdd(property, CompileGetterOnce);

    /// <summary>
    /// Getters by property, for the process: every engine build describes the same fact types again, and a compiled
    /// getter costs far more than the lookup (5-25 ms a build for the built-in types).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, Func<object?, object?>> Getters = new();

    private static Func<object?, object?> CompileGetterOnce(PropertyInfo property)
    {
        var fact = System.Linq.Expressions.Expression.Parameter(typeof(object), "fact");
        var body = System.Linq.Expressions.Expression.Convert(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(fact, property.DeclaringType!), property), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<object?, object?>>(body, fact).Compile();
    }

    /// <summary>The kind of a non-nullable scalar CLR type, or <see langword="null"/> if unsupported.</summary>
    public static FieldKind KindOf(Type scalarType)
    {
        if (scalarType == typeof(string))
        {
            return FieldKind.String;
        }

        if (scalarType == typeof(bool))
        {
            return FieldKind.Bool;
        }

        if (scalarType == typeof(DateOnly))
        {
            return FieldKind.Date;
        }

        if (scalarType.IsEnum)
        {
            return FieldKind.Enum;
        }

        if (scalarType == typeof(decimal) || scalarType == typeof(int) || scalarType == typeof(long) || scalarType == typeof(double))
        {
            return FieldKind.Number;
        }

        throw new NotSupportedException($"Type {scalarType} is not a supported fact field type.");
    }

    public static bool IsSupportedScalar(Type scalarType) =>
        scalarType == typeof(string) || scalarType == typeof(bool) || scalarType == typeof(DateOnly) || scalarType.IsEnum
        || scalarType == typeof(decimal) || scalarType == typeof(int) || scalarType == typeof(long) || scalarType == typeof(double);
}
