namespace SecurityGuarantees.WhatIf;

/// <summary>A dimension of a what-if as it was run: its address and the values tried, in order.</summary>
/// <param name="Address">The field address (value dimension) or fact address (presence dimension).</param>
/// <param name="IsPresence">Whether the dimension varies the fact's presence.</param>
/// <param name="Values">The values tried, formatted as authors write them (presence: <c>true</c>, <c>false</c>).</param>
/// <param name="ValueKind">How JSON writes the values: <c>presence</c> and <c>bool</c> as booleans, <c>number</c> as numbers, <c>enum</c>, <c>date</c> and <c>text</c> as strings.</param>
public sealed record WhatIfDimension(FactAddress Address, bool IsPresence, IReadOnlyList<string> Values, string ValueKind)
{
    /// <summary>The dimension's name in matrices and JSON: <c>Type[key].field</c> or <c>Type[key]</c>.</summary>
    public string Label => Address.ToString();
}

/// <summary>A condition by identity.</summary>
/// <param name="Id">The condition id.</param>
/// <param name="Subject">Its subject, or <see langword="null"/>.</param>
public sealed record ConditionKey(string Id, string? Subject)
{
    /// <summary>Formats as <c>id (subject)</c>.</summary>
    public override string ToString() => Subject is null ? Id : $"{Id} ({Subject})";
}

/// <summary>A next step by identity.</summary>
/// <param name="Id">The next-step id.</param>
/// <param name="Actor">The party that should act, or <see langword="null"/>.</param>
/// <param name="Subject">Its subject, or <see langword="null"/>.</param>
public sealed record NextStepKey(string Id, string? Actor, string? Subject)
{
    /// <summary>Formats as <c>id -&gt; actor (subject)</c>.</summary>
    public override string ToString() => $"{Id} -> {Actor ?? "(anyone)"}" + (Subject is null ? "" : $" ({Subject})");
}

/// <summary>Conclusions by identity, sorted ordinally (conditions by id, subject; next steps by id, actor, subject).</summary>
/// <param name="Conditions">The conditions.</param>
/// <param name="NextSteps">The next steps.</param>
public sealed record ConclusionSet(IReadOnlyList<ConditionKey> Conditions, IReadOnlyList<NextStepKey> NextSteps);

/// <summary>One combination of the dimensions' values and what holds in it beyond <see cref="VariantsResult.Always"/>.</summary>
/// <param name="Values">One value per dimension, in the order of <see cref="VariantsResult.Dimensions"/>.</param>
/// <param name="Conclusions">The conclusions that hold in this combination and not in every one.</param>
/// <param name="Group">The combination's outcome group: combinations with equal conclusions share it; groups are numbered from 1 in order of first appearance.</param>
public sealed record Variant(IReadOnlyList<string> Values, ConclusionSet Conclusions, int Group);

/// <summary>
/// Every combination of a what-if's dimensions, evaluated as incremental changes of one live session. Immutable and
/// deterministic: variants come in the order of the dimensions' values (the first dimension varies slowest).
/// </summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="AsOf">The date evaluated at.</param>
/// <param name="Dimensions">The dimensions, in order.</param>
/// <param name="Always">The conclusions that hold in every combination.</param>
/// <param name="Variants">The combinations with what each adds to <paramref name="Always"/>.</param>
public sealed record VariantsResult(string Scenario, DateOnly AsOf, IReadOnlyList<WhatIfDimension> Dimensions, ConclusionSet Always, IReadOnlyList<Variant> Variants)
{
    /// <summary>The conditions that hold in some combinations and not in others, sorted.</summary>
    public IReadOnlyList<ConditionKey> DifferingConditions =>
        [.. Variants.SelectMany(v => v.Conclusions.Conditions).Distinct().Order(ConclusionOrder.Conditions)];

    /// <summary>The next steps that follow in some combinations and not in others, sorted.</summary>
    public IReadOnlyList<NextStepKey> DifferingNextSteps =>
        [.. Variants.SelectMany(v => v.Conclusions.NextSteps).Distinct().Order(ConclusionOrder.NextSteps)];
}
