using System.Security.Cryptography;
using System.Text;

namespace SecurityGuarantees;

public sealed partial class ScenarioEngine
{
    /// <summary>The loaded rules in load order, with title, file and line.</summary>
    public IReadOnlyList<RuleSummary> RuleSummaries =>
        [.. Rules.Rules.Select(r => new RuleSummary(r.Id, r.Syntax.Title, r.File, r.Location.Line))];

    /// <summary>The rule files this engine was built from, in load order, with the text that was compiled.</summary>
    public IReadOnlyList<RuleFileText> RuleFiles { get; }

    /// <summary>
    /// A hash of the loaded rule files: lowercase hex SHA-256 over their texts in load order (each prefixed by its
    /// length), so two processes that loaded the same rule texts in the same order report the same value wherever the
    /// files are. File names are not part of it.
    /// </summary>
    public string RuleSetHash { get; }

    private static string HashRuleFiles(IReadOnlyList<RuleFileText> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in files)
        {
            var bytes = Encoding.UTF8.GetBytes(file.Text);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
