namespace SecurityGuarantees.Facts;

/// <summary>
/// A fact type declared in a rule file (<c>types:</c>): its name, description and field names. Declared facts share
/// one CLR class, <see cref="DeclaredFact"/>, so they work where no type can be generated at run time (native AOT).
/// </summary>
internal sealed class DeclaredFactType
{
    private readonly Dictionary<string, int> _slots;

    public DeclaredFactType(string name, string? description, IReadOnlyList<string> fieldNames, string signature, string file, int line, int column)
    {
        Column = column;
        Signature = signature;
        Name = name;
        Description = description;
        FieldNames = fieldNames;
        File = file;
        Line = line;
        _slots = fieldNames.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>
    /// The fields with their types as written, e.g. <c>id: string, troops: integer</c>: two engines built from the same
    /// declarations (a hot reload) accept each other's facts; a type of the same name with other fields does not.
    /// </summary>
    public string Signature { get; }

    public string? Description { get; }

    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Where it was declared, for hover and go-to-definition.</summary>
    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public int? SlotOf(string field) => _slots.TryGetValue(field, out var slot) ? slot : null;
}
