using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SecurityGuarantees.Facts;

/// <summary>
/// A fact of a type declared in a rule file's <c>types:</c>, read-only, as a field name → value view. Values are
/// <see cref="string"/> (also for declared enums: the value's name), <see cref="decimal"/> (<c>number</c>),
/// <see cref="long"/> (<c>integer</c>), <see cref="bool"/>, <see cref="DateOnly"/>, a built-in enum, or an array of
/// these for <c>list&lt;T&gt;</c>; a field that was not given is <see langword="null"/> (lists: empty, bools: false)
/// unless the declaration's <c>defaults:</c> give a value.
/// </summary>
public sealed class DeclaredFact : IReadOnlyDictionary<string, object?>
{
    private readonly object?[] _values;

    internal DeclaredFact(DeclaredFactType type, object?[] values)
    {
        Type = type;
        _values = values;
    }

    /// <summary>The declared type's name, e.g. <c>SanctionPackage</c>.</summary>
    public string TypeName => Type.Name;

    internal DeclaredFactType Type { get; }

    /// <summary>The field names in declaration order.</summary>
    public IEnumerable<string> Keys => Type.FieldNames;

    /// <summary>The values in the order of <see cref="Keys"/>.</summary>
    public IEnumerable<object?> Values => _values;

    /// <summary>The number of declared fields.</summary>
    public int Count => _values.Length;

    /// <summary>A field's value.</summary>
    /// <param name="key">The field name as declared.</param>
    /// <exception cref="KeyNotFoundException">The type declares no such field.</exception>
    public object? this[string key] =>
        Type.SlotOf(key) is { } slot ? _values[slot] : throw new KeyNotFoundException($"{Type.Name} has no field '{key}'");

    /// <summary>Whether the type declares the field.</summary>
    /// <param name="key">The field name.</param>
    public bool ContainsKey(string key) => Type.SlotOf(key) is not null;

    /// <summary>Reads a field's value, if the type declares it.</summary>
    /// <param name="key">The field name.</param>
    /// <param name="value">The value (null when not given).</param>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (Type.SlotOf(key) is { } slot)
        {
            value = _values[slot];
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The fields with their values, in declaration order.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(Type.FieldNames[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The type name and the field values, as authors write them.</summary>
    public override string ToString() =>
        $"{Type.Name} {{ {string.Join(", ", this.Select(p => $"{p.Key}: {FactValueFormatter.Format(p.Value)}"))} }}";

    internal object? ValueAt(int slot) => _values[slot];

    /// <summary>
    /// How compiled rule conditions read a field: by slot. The name is not needed to read; it makes the expression say
    /// which field it reads (for index planning, why-not and debugging).
    /// </summary>
    internal static object? Read(DeclaredFact fact, int slot, string name)
    {
        _ = name;
        return fact._values[slot];
    }

    /// <summary>Whether the fact is of the declared type named <paramref name="typeName"/>: every declared pattern's first test.</summary>
    internal bool Is(string typeName) => ReferenceEquals(Type.Name, typeName) || Type.Name == typeName;
}
