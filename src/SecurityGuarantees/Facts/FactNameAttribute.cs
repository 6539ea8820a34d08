namespace SecurityGuarantees.Facts;

/// <summary>
/// Overrides the name a fact type, property or enum value has in YAML, expressions and JSON, where the fixed
/// rule (camelCase for properties, kebab-case for enum values: <c>ReassuranceForce</c> ↔ <c>reassurance-force</c>)
/// does not give the wanted name.
/// </summary>
/// <param name="name">The name to use.</param>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class FactNameAttribute(string name) : Attribute
{
    /// <summary>The name to use.</summary>
    public string Name { get; } = name;
}
