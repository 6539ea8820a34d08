using System.Numerics;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Expressions;

/// <summary>
/// The functions bound expressions call (through <see cref="System.Linq.Expressions.Expression.Call(System.Reflection.MethodInfo, System.Linq.Expressions.Expression[])"/>).
/// All are pure and null-tolerant: a null list is empty, a null text or date gives false or null, never an exception.
/// </summary>
internal static class ExpressionFunctions
{
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

    private static bool NumberEquals<T>(T item, decimal value)
        where T : struct, INumberBase<T> =>
        T.IsFinite(item) && decimal.CreateSaturating(item) == value;
}
