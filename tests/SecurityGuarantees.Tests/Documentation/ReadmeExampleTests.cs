using SecurityGuarantees.Cli;

namespace SecurityGuarantees.Tests.Documentation;

/// <summary>The README's first example, run as a new user would: its two YAML blocks saved as files, its command, its output.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void RuleScenarioAndOutput_InTheReadme_AreWhatTheToolDoes()
    {
        var blocks = MarkdownSnippets.Read("README.md");
        var yaml = blocks.Where(b => b.Language == "yaml").Take(2).ToList();
        var shown = blocks.First(b => b.Language == "text" && b.Code.StartsWith("$ security-guarantees evaluate jeddah.yaml", StringComparison.Ordinal));
        var folder = Path.Combine(Path.GetTempPath(), $"sg-readme-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "ceasefire-pending.yaml"), yaml[0].Code);
            File.WriteAllText(Path.Combine(folder, "jeddah.yaml"), yaml[1].Code);
            var command = shown.Code.Split('\n')[0]["$ security-guarantees ".Length..].Split(' ')
                .Select(a => a.EndsWith(".yaml", StringComparison.Ordinal) ? Path.Combine(folder, a) : a).ToArray();
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = CliApplication.Run(command, stdout, stderr);

            Assert.Equal(0, exitCode);
            Assert.Equal("", stderr.ToString());
            Assert.Equal(shown.Code[(shown.Code.IndexOf('\n') + 1)..], stdout.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TestCommandOutput_InDocsTesting_IsWhatTheToolDoes()
    {
        var shown = MarkdownSnippets.Read("docs/testing.md").First(b => b.Code.StartsWith("$ cd tests/SecurityGuarantees.Tests/Testing/Fixtures\n", StringComparison.Ordinal));
        var lines = shown.Code.Split('\n');
        var folder = Testing.TestingFixtures.Folder;
        var command = lines[1]["$ security-guarantees ".Length..].Split(' ')
            .Select(a => a.EndsWith(".yaml", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(folder, a)) : a).ToArray();
        var stdout = new StringWriter();

        var exitCode = CliApplication.Run(command, stdout, new StringWriter());

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Join("\n", lines[2..]), stdout.ToString().Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }
}
