using System.Linq.Expressions;
using System.Reflection;

namespace SecurityGuarantees.Facts;

/// <summary>
/// One field of a registered fact type: its author-facing name, kind and where its value lives (a CLR property, or a
/// slot of a <see cref="DeclaredFact"/>).
/// </summary>
internal sealed class FactFieldDescriptor
{
    private static readonly MethodInfo DeclaredReadMethod = typeof(DeclaredFact).GetMethod(nameof(DeclaredFact.Read), BindingFlags.Static | BindingFlags.NonPublic)!;

    private Func<object?, object?>? _getter;

    public FactFieldDescriptor(PropertyInfo property, string name, FieldKind kind, Type scalarType, bool isList, int? keyOrder)
    {
        Property = property;
        Name = name;
        Kind = kind;
        ScalarType = scalarType;
        IsList = isList;
        KeyOrder = keyOrder;
        ClrType = property.PropertyType;
        MemberName = property.Name;
        Enum = scalarType.IsEnum ? NameConventions.GetEnumNames(scalarType) : null;
    }

    /// <summary>A field of a declared type, held in slot <paramref name="slot"/> of its facts.</summary>
    public FactFieldDescriptor(string name, int slot, FieldKind kind, Type scalarType, bool isList, int? keyOrder, Type clrType,
        NameConventions.EnumNames? enumNames, string typeText)
    {
        Name = name;
        Slot = slot;
        Kind = kind;
        ScalarType = scalarType;
        IsList = isList;
        KeyOrder = keyOrder;
        ClrType = clrType;
        MemberName = name;
        Enum = enumNames;
        DeclaredTypeText = typeText;
    }

    /// <summary>camelCase name used in YAML, expressions and JSON.</summary>
    public string Name { get; }

    /// <summary>The CLR property, or null for a field of a declared type.</summary>
    public PropertyInfo? Property { get; }

    /// <summary>The slot of a declared field in its facts' values; -1 for a CLR property.</summary>
    public int Slot { get; } = -1;

    /// <summary>What compiled expressions name the field by: the CLR property's name, or the declared field's name.</summary>
    public string MemberName { get; }

    /// <summary>The values of an enum field (or of a list of enums), CLR or declared; null for other kinds.</summary>
    public NameConventions.EnumNames? Enum { get; }

    /// <summary>For a declared field, its type as written (<c>list&lt;string&gt;</c>, <c>PackageStatus</c>); else null.</summary>
    public string? DeclaredTypeText { get; }

    /// <summary>
    /// The CLR type of the value as read (e.g. <c>int?</c>, <c>IReadOnlyList&lt;string&gt;</c>); declared fields read
    /// <c>decimal?</c>, <c>long?</c>, <c>bool</c>, <c>DateOnly?</c>, <c>string</c>, a nullable built-in enum or an array.
    /// </summary>
    public Type ClrType { get; }

    /// <summary>An expression reading this field of <paramref name="fact"/> (typed as its type's CLR type).</summary>
    public Expression Read(Expression fact) =>
        Property is not null
            ? Expression.Property(fact, Property)
            : Expression.Convert(
                Expression.Call(DeclaredReadMethod, fact, Expression.Constant(Slot),
                    Expression.Constant(Name)),
                ClrType);

    /// <summary>
    /// The parameter and member a field read reads, through conversions: <c>p.Property</c>, or a declared field's read
    /// (<see cref="Read"/>); null for anything else.
    /// </summary>
    public static (ParameterExpression Parameter, string Member)? ReadOf(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            expression = convert.Operand;
        }

        return expression switch
        {
            MemberExpression { Expression: ParameterExpression parameter } member
                => (parameter, member.Member.Name),
            MethodCallExpression { Arguments: [ParameterExpression parameter, _, ConstantExpression { Value: string name }] } call
                when call.Method == DeclaredReadMethod => (parameter, name),
            _ => null,
        };
    }

    /// <summary>For a scalar field, its kind; for a list, <see cref="FieldKind.List"/>.</summary>
    public FieldKind Kind { get; }

    /// <summary>The element kind of a list field, or the kind of a scalar field.</summary>
    public FieldKind ElementKind => IsList ? Enum is not null ? FieldKind.Enum : KindOf(ScalarType) : Kind;

    /// <summary>The non-nullable scalar type (the element type for lists), e.g. <c>int</c>, <c>string</c>, an enum.</summary>
    public Type ScalarType { get; }

    public bool IsList { get; }

    /// <summary>Position in the key, or <see langword="null"/> when not a key field.</summary>
    public int? KeyOrder { get; }

    public bool IsKey => KeyOrder.HasValue;

    /// <summary>Compiled at first use: a run reads few of the registered fields (keys, template holes, index keys).</summary>
    public Func<object?, object?> Getter => _getter ??= Property is null ? DeclaredGetter(Slot) : CompileGetter(Property);

    private static Func<object?, object?> DeclaredGetter(int slot) => fact => ((DeclaredFact)fact!).ValueAt(slot);

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
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = Expression.Convert(
            Expression.Property(Expression.Convert(fact, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object?, object?>>(body, fact).Compile();
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
