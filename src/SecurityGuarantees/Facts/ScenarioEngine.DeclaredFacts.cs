using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees;

public sealed partial class ScenarioEngine
{
    /// <summary>The fact types declared in the loaded rule files (<c>types:</c>), by name.</summary>
    public IReadOnlyList<string> DeclaredTypeNames => [.. Rules.Types.All.Where(t => t.IsDeclared).Select(t => t.Name)];

    /// <summary>
    /// Creates a fact of a type declared in the loaded rule files, for scenarios built in code
    /// (<see cref="Scenarios.Scenario.Create"/>). Fields left out take the declaration's defaults.
    /// </summary>
    /// <param name="typeName">The declared type, e.g. <c>SanctionPackage</c>.</param>
    /// <param name="fields">
    /// Field values by name: the types <see cref="DeclaredFact"/> holds (<see cref="string"/>, <see cref="decimal"/>,
    /// <see cref="long"/>, <see cref="bool"/>, <see cref="DateOnly"/>, a built-in enum, a sequence for a list), or their
    /// text as a scenario file writes it (<c>"2025-10-22"</c>, <c>"adopted"</c>).
    /// </param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentException">The type is not declared, a field is unknown or its value does not fit, or a key field is missing.</exception>
    public DeclaredFact CreateDeclaredFact(string typeName, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fields);
        if (Rules.Types.Find(typeName) is not { IsDeclared: true } type)
        {
            throw new ArgumentException($"'{typeName}' is not a declared fact type of this engine (declared: {string.Join(", ", DeclaredTypeNames)})", nameof(typeName));
        }

        var values = new Dictionary<FactFieldDescriptor, object?>();
        foreach (var (name, value) in fields)
        {
            var field = type.FindField(name)
                ?? throw new ArgumentException($"{type.Name} has no field '{name}' (fields: {string.Join(", ", type.Fields.Select(f => f.Name))})", nameof(fields));
            if (!FieldValueConverter.TryConvert(value, field, out var converted, out var error))
            {
                throw new ArgumentException($"{type.Name}.{name}: {error}", nameof(fields));
            }

            if (converted is not null)
            {
                values[field] = converted;
            }
        }

        if (type.KeyFields.FirstOrDefault(k => !values.ContainsKey(k)) is { } missing)
        {
            throw new ArgumentException($"{type.Name} is missing its key field '{missing.Name}'", nameof(fields));
        }

        return (DeclaredFact)type.Create(values);
    }
}
