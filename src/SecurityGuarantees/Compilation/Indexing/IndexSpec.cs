using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// One index of a session: the facts of <see cref="Type"/> by the value of one field. Shared by every indexed join on
/// that field; <see cref="Id"/> is the constant the holder pattern of those joins tests.
/// </summary>
internal sealed class IndexSpec(string id, FactTypeDescriptor type, FactFieldDescriptor field, Func<object, object?> key)
{
    public string Id { get; } = id;

    public FactTypeDescriptor Type { get; } = type;

    public FactFieldDescriptor Field { get; } = field;

    /// <summary>The field's value of a fact (boxed as the join compares it).</summary>
    public Func<object, object?> Key { get; } = key;
}
