namespace SecurityGuarantees.Tests.Expressions;

public enum TestStance
{
    Accepted,
    Conditional,
    Rejected,
}
