namespace SecurityGuarantees.Tests.Expressions;

public enum TestRole
{
    Belligerent,
    Guarantor,
    Mediator,
}
