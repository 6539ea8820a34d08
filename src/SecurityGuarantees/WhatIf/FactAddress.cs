using System.Diagnostics.CodeAnalysis;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// A scenario fact addressed as <c>Type[key]</c>, with the key as justifications print it (<c>Position[jeddah-ceasefire/RU]</c>),
/// or one of its fields as <c>Type[key].field</c>.
/// </summary>
/// <param name="Type">The registered fact type name, e.g. <c>Position</c>.</param>
/// <param name="Key">The fact's key, e.g. <c>jeddah-ceasefire/RU</c>.</param>
/// <param name="Field">The field, or <see langword="null"/> when the address names the whole fact.</param>
public sealed record FactAddress(string Type, string Key, string? Field = null)
{
    /// <summary>The address of the whole fact (without the field).</summary>
    public FactAddress Fact => Field is null ? this : this with { Field = null };

    /// <summary>Formats as <c>Type[key]</c> or <c>Type[key].field</c>.</summary>
    public override string ToString() => Field is null ? $"{Type}[{Key}]" : $"{Type}[{Key}].{Field}";

    /// <summary>Parses <c>Type[key]</c> or <c>Type[key].field</c>.</summary>
    /// <param name="text">The address.</param>
    /// <param name="address">The parsed address.</param>
    /// <returns>Whether the text is a well-formed address (the fact is not looked up).</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out FactAddress? address) => TryParse(text, out address, out _, out _);

    /// <summary>Parses an address; on failure, says what is wrong and at which 0-based character.</summary>
    internal static bool TryParse(string text, [NotNullWhen(true)] out FactAddress? address, out string? error, out int errorAt)
    {
        address = null;
        error = null;
        errorAt = 0;
        text ??= "";
        var i = 0;
        while (i < text.Length && (char.IsAsciiLetter(text[i]) || (i > 0 && char.IsAsciiDigit(text[i]))))
        {
            i++;
        }

        if (i == 0)
        {
            error = $"'{text}' is not a fact address: it must start with a fact type name";
            return false;
        }

        if (i == text.Length || text[i] != '[')
        {
            error = $"'{text}' is not a fact address: expected '[' after the type '{text[..i]}'";
            errorAt = i;
            return false;
        }

        var keyStart = i + 1;
        var keyEnd = FindKeyEnd(text, keyStart);
        if (keyEnd < 0)
        {
            error = $"'{text}' is not a fact address: the key has no closing ']'";
            errorAt = text.Length;
            return false;
        }

        if (keyEnd == keyStart)
        {
            error = $"'{text}' is not a fact address: the key between '[' and ']' is empty";
            errorAt = keyStart;
            return false;
        }

        string? field = null;
        if (keyEnd + 1 < text.Length)
        {
            var fieldText = text[(keyEnd + 2)..];
            if (text[keyEnd + 1] != '.' || !IsName(fieldText))
            {
                error = $"'{text}' is not a fact address: after ']' comes '.' and a field name, or nothing";
                errorAt = keyEnd + 1;
                return false;
            }

            field = fieldText;
        }

        address = new FactAddress(text[..i], text[keyStart..keyEnd], field);
        return true;
    }

    /// <summary>Where the key ends: the last ']' followed by nothing or by '.field' (keys may hold '.', '/' and ']').</summary>
    private static int FindKeyEnd(string text, int keyStart)
    {
        for (var j = text.Length - 1; j >= keyStart; j--)
        {
            if (text[j] == ']' && (j == text.Length - 1 || (text[j + 1] == '.' && IsName(text[(j + 2)..]))))
            {
                return j;
            }
        }

        var last = text.LastIndexOf(']');
        return last >= keyStart ? last : -1;
    }

    private static bool IsName(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(char.IsAsciiLetterOrDigit);
}
