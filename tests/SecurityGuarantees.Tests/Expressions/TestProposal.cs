namespace SecurityGuarantees.Tests.Expressions;

/// <summary>A fact type with one field of every kind the expression language handles.</summary>
public sealed record TestProposal
{
    public string Id { get; init; } = "";

    public string? Title { get; init; }

    public TestProposalKind Kind { get; init; }

    public TestStance? Stance { get; init; }

    public bool Mutual { get; init; }

    public bool? Accepted { get; init; }

    public int? DurationDays { get; init; }

    public long Amount { get; init; }

    public decimal Budget { get; init; }

    public double? Score { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly End { get; init; }

    public IReadOnlyList<string> ProposedBy { get; init; } = [];

    public IReadOnlyList<TestRole> Roles { get; init; } = [];

    public IReadOnlyList<int> Numbers { get; init; } = [];

    public IReadOnlyList<DateOnly> Deadlines { get; init; } = [];
}
