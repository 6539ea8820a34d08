using System.Globalization;

namespace SecurityGuarantees.Testing;

/// <summary>
/// One test of a scenario file: the scenario's own <c>expect:</c> (checked against its evaluation at <c>asOf</c>), or
/// the <c>expect:</c> of one timeline step (checked against the state after that step).
/// </summary>
/// <param name="File">The scenario file, as found (relative paths stay relative).</param>
/// <param name="Scenario">The scenario id (<c>scenario:</c>), or the file name when the file cannot be read.</param>
/// <param name="Step">The 1-based position of the timeline step in <c>timeline:</c>, or <see langword="null"/> for the scenario itself.</param>
/// <param name="On">The step's date (<c>on:</c>), or <see langword="null"/> for the scenario itself.</param>
public sealed record ScenarioTestCase(string File, string Scenario, int? Step = null, DateOnly? On = null)
{
    /// <summary>
    /// The test's name: the scenario id, and for a timeline step <c>@ yyyy-mm-dd</c> (the step's date), e.g.
    /// <c>ceasefire-track-2025 @ 2025-03-13</c>.
    /// </summary>
    public string Name => Step is null
        ? Scenario
        : On is { } on
            ? $"{Scenario} @ {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : string.Create(CultureInfo.InvariantCulture, $"{Scenario} @ step {Step}");

    /// <summary>The test's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
