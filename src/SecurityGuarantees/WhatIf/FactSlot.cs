using SecurityGuarantees.Facts;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// One scenario fact that what-if changes: its type, key and the fact as the scenario has it. The resolver hands out one
/// instance per fact, so slots compare by reference.
/// </summary>
internal sealed class FactSlot(FactTypeDescriptor type, string key, object original)
{
    public FactTypeDescriptor Type { get; } = type;

    public string Key { get; } = key;

    public object Original { get; } = original;

    public FactAddress Address => new(Type.Name, Key);

    /// <summary>A copy of the original fact with some fields replaced.</summary>
    public object With(IReadOnlyDictionary<FactFieldDescriptor, object?> values)
    {
        var all = new Dictionary<FactFieldDescriptor, object?>();
        foreach (var field in Type.Fields)
        {
            all[field] = values.TryGetValue(field, out var value) ? value : field.Getter(Original);
        }

        return Type.Create(all);
    }
}

/// <summary>A resolved change: the fact it applies to, and for a set the field and the typed value.</summary>
internal sealed record ResolvedChange(FactSlot Slot, FactFieldDescriptor? Field, object? Value, ScenarioChange Change)
{
    public bool IsRemoval => Field is null;
}
