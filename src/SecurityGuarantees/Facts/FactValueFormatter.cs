using System.Collections;
using System.Globalization;

namespace SecurityGuarantees.Facts;

/// <summary>Formats field values the way authors write them: culture-invariant, enums kebab-case, dates ISO.</summary>
internal static class FactValueFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => NameConventions.EnumToName(e),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
