namespace SecurityGuarantees.Facts;

/// <summary>The kinds of values a fact field can hold, as authors see them.</summary>
internal enum FieldKind
{
    /// <summary>Text (<see cref="string"/>).</summary>
    String,

    /// <summary>A number; all numbers are <see cref="decimal"/> in expressions.</summary>
    Number,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>A <see cref="DateOnly"/> written <c>yyyy-mm-dd</c>.</summary>
    Date,

    /// <summary>An enum value written in kebab-case.</summary>
    Enum,

    /// <summary>A list of one of the scalar kinds above.</summary>
    List,
}
