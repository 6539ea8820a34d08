using System.Diagnostics;
using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Cli;

/// <summary>The diff command; the git tests build a repository of their own in a temporary folder.</summary>
public sealed class DiffCommandTests
{
    private static readonly string Base = TestPaths.Fixture("whatif/rules.yaml");
    private static readonly string New = TestPaths.Fixture("whatif/rules-new");

    [Fact]
    public void Diff_Folder_ReportsAddedRemovedAndChanged_Exit0()
    {
        var (exitCode, output, error) = Run("diff", TestPaths.Fixture("whatif"), "--rules", New, "--base-rules", Base);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains(": 4 of 4 scenario(s) change\n", output);
        Assert.Contains("    + condition truce-proposed (truce-30d) info: truce-30d is on the table\n", output);
        Assert.Contains("    - condition unilateral-truce (truce-30d) info: truce-30d is unilateral\n", output);
        Assert.Contains("    ~ condition ceasefire-pending (truce-30d): severity warning -> critical;", output);
        Assert.Contains("  step 2025-03-19 (Russia accepts):\n", output);
    }

    [Fact]
    public void Diff_FailOnChange_Exit1()
    {
        var (exitCode, output, _) = Run("diff", TestPaths.Fixture("whatif/timeline.yaml"), "--rules", New, "--base-rules", Base, "--fail-on-change", "--format", "markdown");
        Assert.Equal(1, exitCode);
        Assert.Contains("| ➖ removed | as of 2025-03-12 | condition unilateral-truce (truce-30d) |", output);
    }

    [Fact]
    public void Diff_NoChange_FailOnChange_Exit0_Json()
    {
        var (exitCode, output, _) = Run("diff", TestPaths.Fixture("whatif/timeline.yaml"), "--rules", Base, "--base-rules", Base, "--fail-on-change", "--format", "json");
        Assert.Equal(0, exitCode);
        Assert.Contains("\"changed\":false", output);
    }

    [Fact]
    public void Diff_BrokenBaseRules_Exit2()
    {
        var (exitCode, _, error) = Run("diff", TestPaths.Fixture("whatif/timeline.yaml"), "--base-rules", "no-such-rules");
        Assert.Equal(2, exitCode);
        Assert.Contains("error SG0001", error);
    }

    [Fact]
    public void Diff_GitRevision_ReadsTheRulesOfThatCommit()
    {
        var repo = Repository();
        try
        {
            File.WriteAllText(Path.Combine(repo, "rules", "rules.yaml"), File.ReadAllText(Path.Combine(New, "rules.yaml")));
            var (exitCode, output, error) = Run("diff", TestPaths.Fixture("whatif/timeline.yaml"), "--rules", Path.Combine(repo, "rules"), "--base-rules", "git:HEAD", "--fail-on-change");
            Assert.True(exitCode == 1, error);
            Assert.StartsWith("Rule-change impact: git:HEAD -> ", output);
            Assert.Contains("    - condition unilateral-truce (truce-30d)", output);

            var (badExit, _, badError) = Run("diff", TestPaths.Fixture("whatif/timeline.yaml"), "--rules", Path.Combine(repo, "rules"), "--base-rules", "git:no-such-branch");
            Assert.Equal(2, badExit);
            Assert.Contains("--base-rules:1:1: error SG0807: git does not know the revision 'no-such-branch'", badError);

            GitRevisionRules.Executable = "git-is-not-installed-here";
            var (absentExit, _, absentError) = Run("diff", TestPaths.Fixture("whatif/timeline.yaml"), "--rules", Path.Combine(repo, "rules"), "--base-rules", "git:HEAD");
            Assert.Equal(2, absentExit);
            Assert.Contains("error SG0807: git is not installed or not on the PATH", absentError);
        }
        finally
        {
            GitRevisionRules.Executable = "git";
            GitRevisionRules.WorkingDirectory = null;
            Directory.Delete(repo, recursive: true);
        }
    }

    /// <summary>A repository with the base rules committed, set as the directory git:revisions are read from.</summary>
    private static string Repository()
    {
        var repo = Path.Combine(Path.GetTempPath(), $"sg-diff-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(repo, "rules"));
        File.Copy(Base, Path.Combine(repo, "rules", "rules.yaml"));
        Git(repo, "init", "-q");
        Git(repo, "add", ".");
        Git(repo, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "base rules");
        GitRevisionRules.WorkingDirectory = repo;
        return repo;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }
}
