using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace SecurityGuarantees.Facts;

/// <summary>What the loader, binder and evaluator know about a registered fact type.</summary>
internal sealed class FactTypeDescriptor
{
    private readonly Dictionary<string, FactFieldDescriptor> _byName;

    private static readonly MethodInfo IsDeclaredMethod = typeof(DeclaredFact).GetMethod(nameof(DeclaredFact.Is), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private readonly object?[]? _declaredDefaults;

    private FactTypeDescriptor(string name, Type clrType, FactTypeRole role, IReadOnlyList<FactFieldDescriptor> fields,
        IReadOnlyList<FactFieldDescriptor> keyFields, FactFieldDescriptor? alternativeIdField, DeclaredFactType? declaration = null,
        object?[]? declaredDefaults = null)
    {
        Declaration = declaration;
        _declaredDefaults = declaredDefaults;
        Name = name;
        ClrType = clrType;
        Role = role;
        Fields = fields;
        KeyFields = keyFields;
        AlternativeIdField = alternativeIdField;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The registered name, as written after <c>fact:</c> and under <c>facts:</c>.</summary>
    public string Name { get; }

    /// <summary>The CLR type of its facts: the registered class, or <see cref="DeclaredFact"/> for every declared type.</summary>
    public Type ClrType { get; }

    /// <summary>The declaration of a type declared in a rule file's <c>types:</c>; null for a CLR type.</summary>
    public DeclaredFactType? Declaration { get; }

    public bool IsDeclared => Declaration is not null;

    /// <summary>Whether <paramref name="fact"/> is of this type (declared types share one CLR class).</summary>
    public bool Matches(object fact) =>
        Declaration is null ? fact.GetType() == ClrType : fact is DeclaredFact declared && (declared.Type == Declaration || declared.Type.Name == Declaration.Name && declared.Type.Signature == Declaration.Signature);

    /// <summary>
    /// For a declared type, the condition every pattern of it tests first (<c>fact.Is("SanctionPackage")</c>), so NRules
    /// shares one alpha node per declared type; null for a CLR type, which NRules tells apart by its class.
    /// </summary>
    public LambdaExpression? TypeTest(ParameterExpression fact) =>
        Declaration is null ? null : Expression.Lambda(Expression.Call(fact, IsDeclaredMethod, Expression.Constant(Declaration.Name)), fact);

    public FactTypeRole Role { get; }

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<FactFieldDescriptor> Fields { get; }

    /// <summary>Key fields in key order.</summary>
    public IReadOnlyList<FactFieldDescriptor> KeyFields { get; }

    /// <summary>
    /// An <c>Id</c> field that keys the fact when it is set, where the type also marks <see cref="FactKeyAttribute"/>
    /// fields as the key to use otherwise.
    /// </summary>
    public FactFieldDescriptor? AlternativeIdField { get; }

    public FactFieldDescriptor? FindField(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Whether two facts of this type have the same key, without building key strings (session identity is checked on
    /// every insert, update and retract). Types keyed by an optional <c>Id</c> compare their formatted keys.
    /// </summary>
    public bool KeyEquals(object a, object b)
    {
        if (AlternativeIdField is not null)
        {
            return string.Equals(GetKey(a), GetKey(b), StringComparison.Ordinal);
        }

        for (var i = 0; i < KeyFields.Count; i++) // indexed: foreach over the interface would box an enumerator per call
        {
            var getter = KeyFields[i].Getter;
            if (!Equals(getter(a), getter(b)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash consistent with <see cref="KeyEquals"/>.</summary>
    public int KeyHashCode(object fact)
    {
        if (AlternativeIdField is not null)
        {
            return StringComparer.Ordinal.GetHashCode(GetKey(fact));
        }

        var hash = new HashCode();
        for (var i = 0; i < KeyFields.Count; i++)
        {
            hash.Add(KeyFields[i].Getter(fact));
        }

        return hash.ToHashCode();
    }

    /// <summary>The key as JSON shows it: key field values joined with <c>/</c>.</summary>
    public string GetKey(object fact)
    {
        if (AlternativeIdField is not null && AlternativeIdField.Getter(fact) is string { Length: > 0 } id)
        {
            return id;
        }

        if (KeyFields.Count == 1)
        {
            return FactValueFormatter.Format(KeyFields[0].Getter(fact));
        }

        // Called for every conclusion and justification: no LINQ, one string (and for two or three fields, no array).
        switch (KeyFields.Count)
        {
            case 2:
                return string.Concat(FactValueFormatter.Format(KeyFields[0].Getter(fact)), "/", FactValueFormatter.Format(KeyFields[1].Getter(fact)));
            case 3:
                return string.Concat(
                    [FactValueFormatter.Format(KeyFields[0].Getter(fact)), "/", FactValueFormatter.Format(KeyFields[1].Getter(fact)), "/",
                    FactValueFormatter.Format(KeyFields[2].Getter(fact))]);
        }

        var parts = new string[KeyFields.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = FactValueFormatter.Format(KeyFields[i].Getter(fact));
        }

        return string.Join('/', parts);
    }

    /// <summary>Creates a fact from field values; fields not given keep the type's defaults (lists: empty).</summary>
    public object Create(IReadOnlyDictionary<FactFieldDescriptor, object?> values)
    {
        if (Declaration is not null)
        {
            var slots = (object?[])_declaredDefaults!.Clone();
            foreach (var (field, value) in values)
            {
                slots[field.Slot] = value;
            }

            return new DeclaredFact(Declaration, slots);
        }

        var instance = Activator.CreateInstance(ClrType, nonPublic: true)!;
        foreach (var field in Fields)
        {
            if (values.TryGetValue(field, out var value))
            {
                field.Property!.SetValue(instance, value);
            }
            else if (field.IsList && field.Getter(instance) is null)
            {
                field.Property!.SetValue(instance, CreateList(field.ScalarType, []));
            }
        }

        return instance;
    }

    /// <summary>Creates a list value of the field's list type from already-converted elements.</summary>
    public static object CreateList(Type elementType, IReadOnlyList<object?> items)
    {
        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    /// <summary>A declared type; <paramref name="defaults"/> holds every field's value when not given, by slot.</summary>
    public static FactTypeDescriptor Declared(DeclaredFactType declaration, IReadOnlyList<FactFieldDescriptor> fields, object?[] defaults) =>
        new(declaration.Name, typeof(DeclaredFact), FactTypeRole.Scenario, fields,
            [.. fields.Where(f => f.IsKey).OrderBy(f => f.KeyOrder)], null, declaration, defaults);

    /// <summary>Describes a CLR type, or returns the problems that keep it from being a fact type.</summary>
    public static FactTypeDescriptor Describe(string name, Type clrType, FactTypeRole role, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var fields = new List<FactFieldDescriptor>();
        if (clrType.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is null)
        {
            errors.Add($"fact type '{name}' ({clrType.Name}) needs a parameterless constructor (a record with init properties works)");
        }

        foreach (var property in clrType.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            if (property.Name == "EqualityContract")
            {
                continue;
            }

            var keyAttribute = property.GetCustomAttribute<FactKeyAttribute>();
            var fieldName = property.GetCustomAttribute<FactNameAttribute>()?.Name ?? NameConventions.ToCamelCase(property.Name);
            var type = property.PropertyType;
            var scalar = Nullable.GetUnderlyingType(type) ?? type;
            var isList = false;
            if (scalar != typeof(string) && typeof(IEnumerable).IsAssignableFrom(scalar))
            {
                var elementType = ListElementType(scalar);
                if (elementType is null || !type.IsAssignableFrom(elementType.MakeArrayType()))
                {
                    errors.Add($"property {clrType.Name}.{property.Name}: list fields must be IReadOnlyList<T>, IEnumerable<T> or T[]");
                    continue;
                }

                scalar = Nullable.GetUnderlyingType(elementType) ?? elementType;
                isList = true;
            }

            if (!FactFieldDescriptor.IsSupportedScalar(scalar))
            {
                errors.Add($"property {clrType.Name}.{property.Name} has type {type.Name}, which facts cannot hold (use string, bool, a number, DateOnly, an enum or a list of these)");
                continue;
            }

            if (property.SetMethod is null)
            {
                continue;
            }

            var kind = isList ? FieldKind.List : FactFieldDescriptor.KindOf(scalar);
            fields.Add(new FactFieldDescriptor(property, fieldName, kind, scalar, isList, keyAttribute?.Order));
        }

        fields = InDeclarationOrder(fields, fields.All(f => f.Property!.HasMetadataToken()));

        var keyFields = fields.Where(f => f.IsKey).OrderBy(f => f.KeyOrder).ToList();
        FactFieldDescriptor? alternativeId = null;
        var idField = fields.FirstOrDefault(f => f.Property!.Name == "Id" && f.Kind == FieldKind.String);
        if (keyFields.Count == 0)
        {
            if (idField is not null)
            {
                var index = fields.IndexOf(idField);
                idField = new FactFieldDescriptor(idField.Property!, idField.Name, idField.Kind, idField.ScalarType, false, 0);
                fields[index] = idField;
                keyFields.Add(idField);
            }
            else if (role != FactTypeRole.Today)
            {
                errors.Add($"fact type '{name}' ({clrType.Name}) has no key: add a string property 'Id' or mark key properties with [FactKey(order)]");
            }
        }
        else if (idField is not null && !idField.IsKey)
        {
            alternativeId = idField;
        }

        foreach (var key in keyFields.Where(k => k.IsList))
        {
            errors.Add($"key property {clrType.Name}.{key.Property!.Name} cannot be a list");
        }

        problems = errors;
        return new FactTypeDescriptor(name, clrType, role, fields, keyFields, alternativeId);
    }

    /// <summary>
    /// Declaration order, base type first: GetProperties does not promise an order, so the metadata tokens decide. A
    /// native AOT build has no metadata tokens; there reflection lists a type's own properties in declaration order, so
    /// only the levels of the hierarchy are sorted (stably).
    /// </summary>
    internal static List<FactFieldDescriptor> InDeclarationOrder(IEnumerable<FactFieldDescriptor> fields, bool byMetadataToken) =>
        byMetadataToken
            ? [.. fields.OrderBy(f => f.Property!.MetadataToken)]
            : [.. fields.OrderBy(f => InheritanceDepth(f.Property!.DeclaringType))];

    private static int InheritanceDepth(Type? type)
    {
        var depth = 0;
        for (var t = type?.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static Type? ListElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1)
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }
}
