namespace SecurityGuarantees.Tests.Expressions;

public sealed record TestPosition
{
    public string Id { get; init; } = "";

    public string Party { get; init; } = "";

    public TestStance Stance { get; init; }

    public TestVerdict Verdict { get; init; }

    public IReadOnlyList<TestRole> Roles { get; init; } = [];
}
