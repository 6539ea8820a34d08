namespace SecurityGuarantees.Facts;

/// <summary>
/// A fact type declared in a rule file (<c>types:</c>): its name, description and field names. Declared facts share
/// one CLR class, <see cref="DeclaredFact"/>, so they work where no type can be generated at run time (native AOT).
/// </summary>
internal sealed class DeclaredFactType
{
    private readonly Dictionary<string, int> _slots;

    public DeclaredFactType(string name, string? description, IReadOnlyList<string> fieldNames, string file, int line)
    {
        Name = string.Intern(name);
        Description = description;
        FieldNames = fieldNames;
        File = file;
        Line = line;
        _slots = fieldNames.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Where it was declared, for hover and go-to-definition.</summary>
    public string File { get; }

    public int Line { get; }

    public int? SlotOf(string field) => _slots.TryGetValue(field, out var slot) ? slot : null;
}
