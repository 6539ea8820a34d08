namespace SecurityGuarantees.Scenarios;

/// <summary>Bounds on input size, so hostile files are refused with a diagnostic instead of exhausting memory.</summary>
internal sealed record LoadLimits(long MaxFileBytes, int MaxFacts)
{
    /// <summary>Admits a 10,000-proposal scenario (about 2.4 MB and 30,000 facts) with room to spare.</summary>
    public static LoadLimits Default { get; } = new(32L * 1024 * 1024, 250_000);
}
