namespace SecurityGuarantees.Tests.Expressions;

/// <summary>Shares names with <see cref="TestStance"/>, to test that different enum types compare by name.</summary>
public enum TestVerdict
{
    Pending,
    Accepted,
    Rejected,
}
