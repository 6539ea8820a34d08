using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// NRules session identity by fact key: an update replaces the fact with the same key, a second insert of a key fails.
/// Types that are not registered (the engine's own supports and groupings) keep their own equality.
/// </summary>
internal sealed class FactKeyIdentityComparer(FactTypeRegistry types) : IEqualityComparer<object>
{
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType())
        {
            return false;
        }

        var type = types.Of(x);
        if (type is null)
        {
            return x.Equals(y);
        }

        if (type.IsDeclared && !type.Matches(y))
        {
            return false; // declared types share one class
        }

        return type.Role == FactTypeRole.Today || type.KeyEquals(x, y);
    }

    public int GetHashCode(object obj)
    {
        var type = types.Of(obj);
        if (type is null)
        {
            return obj.GetHashCode();
        }

        return type.Role == FactTypeRole.Today ? type.ClrType.GetHashCode() : type.KeyHashCode(obj);
    }
}
