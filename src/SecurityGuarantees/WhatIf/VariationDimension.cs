using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// One dimension of a what-if: a field of a fact and the values to try (<c>vary: - fact/field/values</c>, or
/// <c>--vary 'Type[key].field=a,b'</c>), or a fact with and without it (<c>present: [true, false]</c>, or
/// <c>--vary-present 'Type[key]'</c>).
/// </summary>
/// <param name="Address">A field address for a value dimension; a fact address for a presence dimension.</param>
/// <param name="Values">The values in order (as authors write them); for a presence dimension <c>true</c> and/or <c>false</c>.</param>
public sealed record VariationDimension(FactAddress Address, IReadOnlyList<string> Values)
{
    /// <summary>Whether the dimension varies the fact's presence rather than a field.</summary>
    public bool IsPresence => Address.Field is null;

    /// <summary>How the dimension is named in matrices and JSON: the address, <c>Type[key].field</c> or <c>Type[key]</c>.</summary>
    public string Label => Address.ToString();

    /// <summary>Where the dimension was written (a scenario file's <c>vary:</c> entry), or <see langword="null"/> (command line, code).</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Where a separate <c>field:</c> key's value was written, when it was.</summary>
    internal SourceLocation? FieldLocation { get; init; }

    /// <summary>Where each value was written, when they were written in a file.</summary>
    internal IReadOnlyList<SourceLocation>? ValueLocations { get; init; }

    /// <summary>A dimension over a field's values.</summary>
    /// <param name="field">The field address, <c>Type[key].field</c>.</param>
    /// <param name="values">The values to try, in order.</param>
    public static VariationDimension OfValues(FactAddress field, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        return field.Field is null ? throw new ArgumentException("a value dimension needs a field address, Type[key].field", nameof(field)) : new(field, [.. values]);
    }

    /// <summary>A dimension with and without a fact: the scenario as written (<c>true</c>) and without the fact (<c>false</c>).</summary>
    /// <param name="fact">The fact address, <c>Type[key]</c>.</param>
    public static VariationDimension OfPresence(FactAddress fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new(fact.Fact, ["true", "false"]);
    }
}

/// <summary>Reads variation dimensions written as command-line texts.</summary>
public static class VariationDimensions
{
    /// <summary>
    /// Parses <c>Type[key].field=a,b,c</c> texts (<c>--vary</c>) and <c>Type[key]</c> texts (<c>--vary-present</c>); every
    /// problem is reported together.
    /// </summary>
    /// <param name="vary">Value dimensions.</param>
    /// <param name="varyPresent">Presence dimensions.</param>
    /// <exception cref="RuleLoadException">A text is malformed (SG0801, SG0806); all problems are listed.</exception>
    public static IReadOnlyList<VariationDimension> Parse(IEnumerable<string>? vary, IEnumerable<string>? varyPresent)
    {
        var diagnostics = new DiagnosticBag();
        var result = new List<VariationDimension>();
        foreach (var text in vary ?? [])
        {
            if (VariationReader.ParseVary(text, diagnostics) is { } dimension)
            {
                result.Add(dimension);
            }
        }

        foreach (var text in varyPresent ?? [])
        {
            if (VariationReader.ParseVaryPresent(text, diagnostics) is { } dimension)
            {
                result.Add(dimension);
            }
        }

        return diagnostics.HasErrors ? throw new RuleLoadException(diagnostics.Sorted()) : result;
    }
}
