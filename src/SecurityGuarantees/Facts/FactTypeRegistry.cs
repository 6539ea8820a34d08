namespace SecurityGuarantees.Facts;

/// <summary>Fact types by name and by CLR type. Immutable once the engine is built.</summary>
internal sealed class FactTypeRegistry
{
    private readonly Dictionary<string, FactTypeDescriptor> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, FactTypeDescriptor> _byType = [];
    private readonly Dictionary<string, NameConventions.EnumNames> _declaredEnums = new(StringComparer.Ordinal);

    public IEnumerable<FactTypeDescriptor> All => _byName.Values.OrderBy(d => d.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>A registry holding the built-in types: <c>Today</c>, <c>Condition</c> and <c>NextStep</c>.</summary>
    public static FactTypeRegistry CreateWithBuiltIns()
    {
        var registry = new FactTypeRegistry();
        registry.Register("Today", typeof(Today), FactTypeRole.Today);
        registry.Register("Condition", typeof(Condition), FactTypeRole.Derived);
        registry.Register("NextStep", typeof(NextStep), FactTypeRole.Derived);
        return registry;
    }

    /// <summary>Registers a type; returns the problems that keep it from being a fact type (empty when it worked).</summary>
    public IReadOnlyList<string> Register(string name, Type clrType, FactTypeRole role = FactTypeRole.Scenario)
    {
        if (_byName.TryGetValue(name, out var existing))
        {
            return existing.ClrType == clrType ? [] : [$"fact type name '{name}' is already registered for {existing.ClrType.Name}"];
        }

        if (_byType.TryGetValue(clrType, out existing))
        {
            return [$"{clrType.Name} is already registered as fact type '{existing.Name}'"];
        }

        if (!IsValidTypeName(name))
        {
            return [$"fact type name '{name}' must start with a letter and contain only letters and digits"];
        }

        var descriptor = FactTypeDescriptor.Describe(name, clrType, role, out var problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        _byName.Add(name, descriptor);
        _byType.Add(clrType, descriptor);
        return [];
    }

    public FactTypeDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The type of a CLR class; never a declared type (they all share <see cref="DeclaredFact"/>: use <see cref="Of"/>).</summary>
    public FactTypeDescriptor? Find(Type clrType) => _byType.GetValueOrDefault(clrType);

    /// <summary>The type of a fact: its declared type, or the type registered for its class.</summary>
    public FactTypeDescriptor? Of(object fact) =>
        fact is DeclaredFact declared ? OfDeclared(declared) : _byType.GetValueOrDefault(fact.GetType());

    /// <summary>
    /// The declared type of a fact: this registry's, or one with the same name and fields (a fact from an engine built
    /// from the same declarations, e.g. before a hot reload); null for another type of the same name.
    /// </summary>
    private FactTypeDescriptor? OfDeclared(DeclaredFact fact) =>
        _byName.GetValueOrDefault(fact.TypeName) is { Declaration: { } declaration } type
        && (ReferenceEquals(declaration, fact.Type) || declaration.Signature == fact.Type.Signature)
            ? type
            : null;

    /// <summary>The enums declared in rule files, by name.</summary>
    public IReadOnlyDictionary<string, NameConventions.EnumNames> DeclaredEnums => _declaredEnums;

    /// <summary>Registers an enum declared in a rule file (the caller has checked its name).</summary>
    public void RegisterEnum(NameConventions.EnumNames declared) => _declaredEnums.Add(declared.Name, declared);

    /// <summary>Registers a type declared in a rule file (the caller has checked its name).</summary>
    public void RegisterDeclared(FactTypeDescriptor declared) => _byName.Add(declared.Name, declared);

    /// <summary>
    /// The built-in enums a declared field can use, by their YAML names (<c>stance</c>, <c>commitment-kind</c>): the enums
    /// of the registered CLR types' fields.
    /// </summary>
    public IReadOnlyDictionary<string, NameConventions.EnumNames> BuiltInEnums =>
        _byType.Values.SelectMany(t => t.Fields).Select(f => f.Enum).OfType<NameConventions.EnumNames>().Where(e => !e.IsDeclared)
            .DistinctBy(e => e.YamlName).ToDictionary(e => e.YamlName, StringComparer.Ordinal);

    internal static bool IsValidTypeName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
