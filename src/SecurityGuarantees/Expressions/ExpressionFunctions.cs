using System.Collections;
using System.Collections.Concurrent;
using System.Numerics;
using System.Text.RegularExpressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// The functions bound expressions call (through <see cref="System.Linq.Expressions.Expression.Call(System.Reflection.MethodInfo, System.Linq.Expressions.Expression[])"/>).
/// All are pure and null-tolerant: a null list is empty, a null text or date gives false or null, never an exception.
/// The list functions over numbers and dates take the non-generic <see cref="IEnumerable"/>, so a native build needs no
/// generic instantiation per element type.
/// </summary>
internal static class ExpressionFunctions
{
    /// <summary>How long one <c>matches</c> may run; with <see cref="RegexOptions.NonBacktracking"/> it is a backstop only.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The options every <c>matches</c> pattern is compiled with: linear time, culture-invariant.</summary>
    public const RegexOptions MatchOptions = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary><c>count(list)</c>; a number, so <c>decimal?</c>.</summary>
    public static decimal? Count<T>(IEnumerable<T>? list) => list switch
    {
        null => 0m,
        IReadOnlyCollection<T> collection => collection.Count,
        _ => list.Count(),
    };

    /// <summary><c>any(list)</c>: the list has at least one item.</summary>
    public static bool Any<T>(IEnumerable<T>? list) => list is not null && list.Any();

    /// <summary><c>contains(list, x)</c> and <c>x in list</c> where the item has the list's element type (strings compare ordinally).</summary>
    public static bool Contains<T>(IEnumerable<T>? list, T value)
    {
        // Fact lists are arrays or lists: ICollection<T>.Contains (default equality) runs without an enumerator per call.
        if (list is ICollection<T> collection)
        {
            return collection.Contains(value);
        }

        return list is not null && list.Contains(value, EqualityComparer<T>.Default);
    }

    /// <summary>As <see cref="Contains{T}"/> for a nullable item and a list of non-nullable items: null is in no such list.</summary>
    public static bool ContainsValue<T>(IEnumerable<T>? list, T? value)
        where T : struct => value.HasValue && Contains(list, value.Value);

    /// <summary>Whether a list of any number type holds <paramref name="value"/>, compared as decimals.</summary>
    public static bool ContainsNumber<T>(IEnumerable<T>? list, decimal? value)
        where T : struct, INumberBase<T> =>
        value.HasValue && list is not null && list.Any(item => NumberEquals(item, value.Value));

    /// <summary>As <see cref="ContainsNumber{T}(IEnumerable{T}, decimal?)"/> for a list of nullable numbers.</summary>
    public static bool ContainsNullableNumber<T>(IEnumerable<T?>? list, decimal? value)
        where T : struct, INumberBase<T> =>
        value.HasValue && list is not null && list.Any(item => item.HasValue && NumberEquals(item.Value, value.Value));

    /// <summary>Whether a list of enum values (nullable or not) holds the value named <paramref name="name"/>.</summary>
    public static bool ContainsName<T>(IEnumerable<T>? list, string? name)
    {
        if (name is null || list is null)
        {
            return false;
        }

        foreach (var item in list)
        {
            if (item is Enum value && NameConventions.EnumToName(value) == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The author-facing (kebab-case) name of an enum value, so that enums of different types compare by name.</summary>
    public static string? EnumName<T>(T? value)
        where T : struct, Enum => value.HasValue ? NameConventions.EnumToName(value.Value) : null;

    /// <summary><c>startsWith(s, p)</c>, ordinal.</summary>
    public static bool StartsWith(string? text, string? prefix) =>
        text is not null && prefix is not null && text.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary><c>endsWith(s, p)</c>, ordinal.</summary>
    public static bool EndsWith(string? text, string? suffix) =>
        text is not null && suffix is not null && text.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary><c>lower(s)</c>, culture-invariant so that a Turkish machine lowers "I" to "i".</summary>
    public static string? Lower(string? text) => text?.ToLowerInvariant();

    /// <summary><c>daysBetween(a, b)</c>: b − a in days; null if either is null.</summary>
    public static decimal? DaysBetween(DateOnly? from, DateOnly? to) =>
        from.HasValue && to.HasValue ? to.Value.DayNumber - from.Value.DayNumber : null;

    /// <summary>The sign of an ordinal comparison, or null if either is null, so that ordering null is false (lifted).</summary>
    public static int? CompareOrdinal(string? left, string? right) =>
        left is null || right is null ? null : Math.Sign(string.CompareOrdinal(left, right));

    /// <summary>
    /// A <c>double</c> field as a number. NaN and infinities have no decimal value: they read as null (unknown) instead of
    /// making the condition throw.
    /// </summary>
    public static decimal? FromDouble(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < (double)decimal.MaxValue ? (decimal)v : null;

    /// <summary><c>sum(list)</c> of numbers: null items are skipped; an empty or null list sums to 0.</summary>
    public static decimal? Sum(IEnumerable? list)
    {
        var sum = 0m;
        foreach (var item in list ?? Array.Empty<object>())
        {
            if (ToNumber(item) is { } value)
            {
                sum += value;
            }
        }

        return sum;
    }

    /// <summary><c>min(list)</c> of numbers: null for an empty list (null items skipped).</summary>
    public static decimal? MinNumber(IEnumerable? list) => Extreme(list, ToNumber, -1);

    /// <summary><c>max(list)</c> of numbers: null for an empty list (null items skipped).</summary>
    public static decimal? MaxNumber(IEnumerable? list) => Extreme(list, ToNumber, 1);

    /// <summary><c>min(list)</c> of dates: null for an empty list.</summary>
    public static DateOnly? MinDate(IEnumerable? list) => Extreme(list, item => item as DateOnly?, -1);

    /// <summary><c>max(list)</c> of dates: null for an empty list.</summary>
    public static DateOnly? MaxDate(IEnumerable? list) => Extreme(list, item => item as DateOnly?, 1);

    /// <summary><c>abs(x)</c>; null stays null.</summary>
    public static decimal? Abs(decimal? value) => value.HasValue ? Math.Abs(value.Value) : null;

    /// <summary>
    /// <c>round(x, digits)</c>, half away from zero (2.5 → 3), as people round; digits are clamped to 0–28 and a
    /// fraction of a digit is dropped. Null if either is null.
    /// </summary>
    public static decimal? Round(decimal? value, decimal? digits) =>
        value.HasValue && digits.HasValue
            ? Math.Round(value.Value, (int)Math.Clamp(decimal.Truncate(digits.Value), 0m, 28m), MidpointRounding.AwayFromZero)
            : null;

    /// <summary><c>upper(s)</c>, culture-invariant.</summary>
    public static string? Upper(string? text) => text?.ToUpperInvariant();

    /// <summary><c>trim(s)</c>: white space off both ends.</summary>
    public static string? Trim(string? text) => text?.Trim();

    /// <summary><c>length(s)</c> in UTF-16 code units (what .NET and JSON Schema count); null for null.</summary>
    public static decimal? Length(string? text) => text?.Length;

    /// <summary><c>addDays(date, n)</c>; a fraction of a day is dropped; null if either is null or the date leaves 0001–9999.</summary>
    public static DateOnly? AddDays(DateOnly? date, decimal? days)
    {
        if (!date.HasValue || !days.HasValue)
        {
            return null;
        }

        var target = date.Value.DayNumber + decimal.Truncate(days.Value);
        return target >= DateOnly.MinValue.DayNumber && target <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)target) : null;
    }

    /// <summary>
    /// <c>matches(s, pattern)</c>: whether the pattern occurs in the text (anchor it with <c>^…$</c> for a whole match).
    /// False for a null text, as a comparison with null is. The pattern was checked when the rule was loaded.
    /// </summary>
    public static bool Matches(string? text, string pattern) =>
        text is not null && Patterns.GetOrAdd(pattern, static p => new Regex(p, MatchOptions, MatchTimeout)).IsMatch(text);

    /// <summary><c>a + b</c> on strings: joined; null if either is null (as arithmetic with null is).</summary>
    public static string? Join(string? left, string? right) => left is null || right is null ? null : string.Concat(left, right);

    /// <summary>A list item of any number type as a decimal; null (and NaN or infinite) as null.</summary>
    private static decimal? ToNumber(object? item) => item switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        double d => FromDouble(d),
        float f => FromDouble(f),
        _ => null,
    };

    private static T? Extreme<T>(IEnumerable? list, Func<object?, T?> convert, int sign)
        where T : struct, IComparable<T>
    {
        T? best = null;
        foreach (var item in list ?? Array.Empty<object>())
        {
            if (convert(item) is { } value && (best is null || Math.Sign(value.CompareTo(best.Value)) == sign))
            {
                best = value;
            }
        }

        return best;
    }

    private static bool NumberEquals<T>(T item, decimal value)
        where T : struct, INumberBase<T> =>
        T.IsFinite(item) && decimal.CreateSaturating(item) == value;
}
