using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// One index of a session: the facts of <see cref="Type"/> that pass <see cref="Accepts"/>, by the value of one field.
/// Shared by every indexed join on that field with the same filter; <see cref="Id"/> is the constant the holder pattern
/// of those joins tests.
/// </summary>
internal sealed class IndexSpec(string id, FactTypeDescriptor type, FactFieldDescriptor field, Func<object, object?> key,
    Func<object, bool>? filter = null)
{
    public string Id { get; } = id;

    public FactTypeDescriptor Type { get; } = type;

    public FactFieldDescriptor Field { get; } = field;

    /// <summary>The field's value of a fact (boxed as the join compares it).</summary>
    public Func<object, object?> Key { get; } = key;

    /// <summary>
    /// Whether a fact belongs in the index: it passes the joins' conditions on the fact alone (e.g. <c>status == "open"</c>),
    /// so a lookup's bucket holds only candidates. A condition that fails to evaluate keeps the fact: the join's own test
    /// (all conjuncts, in NRules) decides and reports the failure.
    /// </summary>
    public bool Accepts(object fact)
    {
        if (filter is null)
        {
            return true;
        }

        try
        {
            return filter(fact);
        }
        catch (Exception)
        {
            // Whatever the failure, NRules evaluates the same conjunct in the lookup and reports it as a rule fault.
            return true;
        }
    }
}
