namespace SecurityGuarantees.Facts;

/// <summary>
/// Marks a property as part of a fact type's key. Without it, a property named <c>Id</c> is the key.
/// Facts with the same key are the same fact: an update replaces it, a second insert is an error.
/// </summary>
/// <param name="order">Position of this property in a composite key (JSON joins the parts with <c>/</c>).</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class FactKeyAttribute(int order = 0) : Attribute
{
    /// <summary>Position of this property in a composite key.</summary>
    public int Order { get; } = order;
}
