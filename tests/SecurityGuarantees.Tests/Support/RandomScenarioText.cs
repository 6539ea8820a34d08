using System.Text;

namespace SecurityGuarantees.Tests.Support;

/// <summary>Scenario YAML written by the property tests' generators.</summary>
internal static class RandomScenarioText
{
    /// <summary>
    /// Appends a <c>Position</c> section: one position per proposal and party (the first generated wins; a second would be
    /// a duplicate key), only for proposals <c>p0</c> … <c>p{proposals - 1}</c>, and no section when none is left.
    /// </summary>
    public static void AppendPositions(StringBuilder text, int proposals, IEnumerable<(int Proposal, string Party, string Stance)> positions)
    {
        var seen = new HashSet<(int, string)>();
        var written = positions.Where(p => p.Proposal < proposals && seen.Add((p.Proposal, p.Party))).ToList();
        if (written.Count == 0)
        {
            return;
        }

        text.Append("  Position:\n");
        foreach (var (proposal, party, stance) in written)
        {
            text.Append("    - { proposal: p").Append(proposal).Append(", party: ").Append(party).Append(", stance: ").Append(stance).Append(" }\n");
        }
    }
}
