namespace SecurityGuarantees.WhatIf;

/// <summary>What a change does to a scenario fact.</summary>
public enum ScenarioChangeKind
{
    /// <summary>Set one field of the fact to a value.</summary>
    Set,

    /// <summary>Remove the fact from the scenario.</summary>
    Remove,
}

/// <summary>
/// One change to a scenario's facts: <c>set Type[key].field = value</c> or <c>remove Type[key]</c>.
/// </summary>
/// <param name="Kind">Set a field or remove the fact.</param>
/// <param name="Address">For <see cref="ScenarioChangeKind.Set"/> a field address, for <see cref="ScenarioChangeKind.Remove"/> a fact address.</param>
/// <param name="Value">The new value as authors write it (an enum kebab-case, <c>true</c>/<c>false</c>, a number); <see langword="null"/> for a removal.</param>
public sealed record ScenarioChange(ScenarioChangeKind Kind, FactAddress Address, string? Value)
{
    /// <summary>A change that sets a field.</summary>
    /// <param name="field">The field address, <c>Type[key].field</c>.</param>
    /// <param name="value">The value as authors write it.</param>
    public static ScenarioChange Set(FactAddress field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return field.Field is null ? throw new ArgumentException("a set change needs a field address, Type[key].field", nameof(field)) : new(ScenarioChangeKind.Set, field, value);
    }

    /// <summary>A change that removes a fact.</summary>
    /// <param name="fact">The fact address, <c>Type[key]</c>.</param>
    public static ScenarioChange Remove(FactAddress fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new(ScenarioChangeKind.Remove, fact.Fact, null);
    }

    /// <summary>Formats as <c>set Type[key].field = value</c> or <c>remove Type[key]</c>.</summary>
    public override string ToString() => Kind == ScenarioChangeKind.Set ? $"set {Address} = {Value}" : $"remove {Address}";
}
