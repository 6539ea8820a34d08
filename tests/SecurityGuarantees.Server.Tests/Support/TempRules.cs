namespace SecurityGuarantees.Server.Tests.Support;

/// <summary>A temporary folder with rule files, deleted at the end of the test.</summary>
internal sealed class TempRules : IDisposable
{
    public const string ReadyRule = """
        version: 1
        ruleset: temp
        rules:
          - id: proposal-seen
            title: A proposal is on the table
            when:
              - fact: Proposal
                as: p
            then:
              - condition: proposal-seen
                subject: "{p.id}"
                text: "{p.id} is on the table"
        """;

    /// <summary>A rule whose insert defeats its own <c>not:</c>: it fires for as long as it is let.</summary>
    public const string LoopingRule = """
        version: 1
        ruleset: loop
        rules:
          - id: self-defeating
            when:
              - not: { fact: Commitment, where: id == "x" }
            then:
              - insert: { Commitment: { id: x, party: FR } }
        """;

    public const string Scenario = "scenario: s\nasOf: 2025-03-12\nfacts:\n  Proposal:\n    - { id: p, kind: ceasefire }\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sg-serve-");

    public TempRules(string text)
    {
        Write(text);
    }

    public string Folder => _folder.FullName;

    public string File => Path.Combine(Folder, "rules.yaml");

    public void Write(string text) => System.IO.File.WriteAllText(File, text);

    public void Dispose() => _folder.Delete(recursive: true);
}
