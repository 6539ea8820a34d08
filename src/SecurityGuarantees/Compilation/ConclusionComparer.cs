using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace SecurityGuarantees.Compilation;

/// <summary>Structural equality of conclusion facts, lists compared element by element (records compare lists by reference).</summary>
internal static class ConclusionComparer
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static bool Equal(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.GetType() != b.GetType())
        {
            return false;
        }

        if (a is string || a.GetType().IsValueType)
        {
            return a.Equals(b);
        }

        if (a is Facts.DeclaredFact declaredA && b is Facts.DeclaredFact declaredB)
        {
            return declaredA.TypeName == declaredB.TypeName && declaredA.Values.Zip(declaredB.Values).All(p => Equal(p.First, p.Second));
        }

        if (a is IEnumerable listA && b is IEnumerable listB)
        {
            return listA.Cast<object?>().SequenceEqual(listB.Cast<object?>());
        }

        foreach (var property in Properties.GetOrAdd(a.GetType(), static t =>
                     t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0).ToArray()))
        {
            var x = property.GetValue(a);
            var y = property.GetValue(b);
            if (x is IEnumerable ex && x is not string && y is IEnumerable ey)
            {
                if (!ex.Cast<object?>().SequenceEqual(ey.Cast<object?>()))
                {
                    return false;
                }
            }
            else if (!Equals(x, y))
            {
                return false;
            }
        }

        return true;
    }
}
