namespace SecurityGuarantees.Facts;

/// <summary>Fact types by name and by CLR type. Immutable once the engine is built.</summary>
internal sealed class FactTypeRegistry
{
    private readonly Dictionary<string, FactTypeDescriptor> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, FactTypeDescriptor> _byType = [];

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

    public FactTypeDescriptor? Find(Type clrType) => _byType.GetValueOrDefault(clrType);

    private static bool IsValidTypeName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
