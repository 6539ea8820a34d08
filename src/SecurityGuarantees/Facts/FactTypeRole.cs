namespace SecurityGuarantees.Facts;

/// <summary>Where facts of a type come from.</summary>
internal enum FactTypeRole
{
    /// <summary>Written by authors under <c>facts:</c> (and insertable by rules).</summary>
    Scenario,

    /// <summary>The one <c>Today</c> fact, from the scenario's <c>asOf</c>.</summary>
    Today,

    /// <summary>Derived only: <c>Condition</c> and <c>NextStep</c>.</summary>
    Derived,
}
