using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SecurityGuarantees.Cli;

/// <summary>
/// Reads the rule files of a revision of the current repository through the git command-line tool, for
/// <c>diff --base-rules git:&lt;revision&gt;</c>: the same paths as the new rules (the repository's <c>rules/</c> for
/// the built-in set), as they were at that revision.
/// </summary>
internal static class GitRevisionRules
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>The git program to run; tests point it at a name that does not exist to see the error where git is absent.</summary>
    internal static string Executable { get; set; } = "git";

    /// <summary>Where the repository is looked for; <see langword="null"/>: the current directory (tests use a repository of their own).</summary>
    internal static string? WorkingDirectory { get; set; }

    /// <summary>The rule files (name for diagnostics, text), or an error message saying what to do.</summary>
    public static bool TryRead(string revision, IReadOnlyList<string> rulePaths, out List<(string Name, string Yaml)> files, out string error)
    {
        files = [];
        if (revision.Length == 0)
        {
            error = "--base-rules git: needs a revision, e.g. git:main or git:HEAD~1";
            return false;
        }

        if (!TryGit(["rev-parse", "--show-toplevel"], WorkingDirectory ?? Directory.GetCurrentDirectory(), out var top, out error))
        {
            error = error.Length > 0 ? error : "the current directory is not inside a git repository; run diff from the repository, or give --base-rules a folder";
            return false;
        }

        var root = top.Trim();
        if (!TryGit(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], root, out _, out _))
        {
            error = $"git does not know the revision '{revision}'; give a branch, tag or commit, e.g. git:main or git:HEAD~1";
            return false;
        }

        var paths = rulePaths.Count == 0 || rulePaths.Contains("builtin") ? ["rules"] : rulePaths.Select(p => Path.GetRelativePath(root, Path.GetFullPath(p, WorkingDirectory ?? Directory.GetCurrentDirectory()))).ToList();
        foreach (var path in paths)
        {
            var relative = path.Replace('\\', '/');
            if (relative.StartsWith("..", StringComparison.Ordinal))
            {
                error = $"the rule path '{path}' is outside the repository at {root}, so git cannot read it at '{revision}'";
                return false;
            }

            if (!TryGit(["ls-tree", "-r", "--name-only", revision, "--", relative == "." ? "" : relative], root, out var listing, out error))
            {
                return false;
            }

            foreach (var file in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                         .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                if (!TryGit(["show", $"{revision}:{file}"], root, out var yaml, out error))
                {
                    return false;
                }

                files.Add(($"git:{revision}:{file}", yaml));
            }
        }

        if (files.Count == 0)
        {
            error = $"revision '{revision}' has no rule files (*.yaml) under {string.Join(", ", paths)}";
            return false;
        }

        error = "";
        return true;
    }

    private static bool TryGit(IReadOnlyList<string> arguments, string directory, out string output, out string error)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            error = process.ExitCode == 0 ? "" : $"git {arguments[0]} failed: {stderr.Result.Trim()}";
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            output = "";
            error = "git is not installed or not on the PATH, so --base-rules git:<revision> cannot read the rules; install git, or give --base-rules a folder";
            return false;
        }
    }
}
