using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace SecurityGuarantees.Facts;

/// <summary>The one fixed naming rule between CLR names and the names authors write.</summary>
internal static class NameConventions
{
    private static readonly ConcurrentDictionary<Type, EnumNames> EnumNameCache = new();

    /// <summary><c>ReassuranceForce</c> → <c>reassurance-force</c>, <c>Article5Like</c> → <c>article5-like</c>.</summary>
    public static string ToKebabCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                // A word starts at an upper-case letter after a lower-case letter or digit,
                // or at the last capital of an acronym followed by a lower-case letter (USBackstop → us-backstop).
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]));
                var acronymEnd = i > 0 && char.IsUpper(pascal[i - 1]) && i + 1 < pascal.Length && char.IsLower(pascal[i + 1]);
                if (previousIsLowerOrDigit || acronymEnd)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><c>DurationDays</c> → <c>durationDays</c>.</summary>
    public static string ToCamelCase(string pascal) =>
        pascal.Length == 0 || char.IsLower(pascal[0]) ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];

    /// <summary>The author-facing names of an enum type's values.</summary>
    public static EnumNames GetEnumNames(Type enumType) => EnumNameCache.GetOrAdd(enumType, static t => new EnumNames(t));

    /// <summary>The author-facing name of one enum value.</summary>
    public static string EnumToName(Enum value) => GetEnumNames(value.GetType()).NameOf(value);

    /// <summary>
    /// Bidirectional map between enum values and their author-facing names: a CLR enum's kebab-case (or
    /// <see cref="FactNameAttribute"/>) names, or the values of an enum declared in YAML, whose values are their names.
    /// </summary>
    internal sealed class EnumNames
    {
        private readonly Dictionary<string, object> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<object, string> _byValue = [];

        public EnumNames(Type enumType)
        {
            ClrType = enumType;
            Name = enumType.Name;
            YamlName = ToKebabCase(enumType.Name);
            foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<FactNameAttribute>()?.Name ?? ToKebabCase(field.Name);
                var value = field.GetValue(null)!;
                _byName[name] = value;
                _byValue[value] = name;
            }

            Names = [.. _byName.Keys];
        }

        /// <summary>A declared enum: its values are strings, each its own name.</summary>
        public EnumNames(string name, IReadOnlyList<string> values)
        {
            ClrType = typeof(string);
            Name = name;
            YamlName = name;
            IsDeclared = true;
            // Not interned: a long-running host reloads rule files (the intern pool is never freed).
            foreach (var value in values)
            {
                _byName[value] = value;
                _byValue[value] = value;
            }

            Names = [.. _byName.Keys];
        }

        /// <summary>The CLR type of the values: the enum type, or <see cref="string"/> for a declared enum.</summary>
        public Type ClrType { get; }

        /// <summary>The name messages use: the CLR type name, or the declared name.</summary>
        public string Name { get; }

        /// <summary>The name a declared field type uses: <c>stance</c> for <c>Stance</c>, the declared name as written.</summary>
        public string YamlName { get; }

        /// <summary>Whether the enum was declared in a rule file (its values are strings).</summary>
        public bool IsDeclared { get; }

        /// <summary>Names in declaration order.</summary>
        public IReadOnlyList<string> Names { get; }

        public bool TryParse(string name, out object value) => _byName.TryGetValue(name, out value!);

        public string NameOf(object value) => _byValue.TryGetValue(value, out var name) ? name : value.ToString()!;

        public override string ToString() => Name;
    }
}
