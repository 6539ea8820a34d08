namespace SecurityGuarantees.Evaluation;

/// <summary>
/// The firing limit stops a rule set that loops. It counts author rule firings (the engine's own <c>$</c> rules are
/// bookkeeping and not counted). The default grows with the scenario, so real work is never mistaken for a loop: a loop
/// fires without end, whatever the bound.
/// </summary>
internal static class FiringLimits
{
    public const int Default = 10_000;

    /// <summary>Firings allowed per scenario fact when that gives more than <see cref="Default"/>.</summary>
    public const int PerFact = 4;

    public static int DefaultFor(int factCount) => Math.Max(Default, checked(PerFact * factCount));
}
