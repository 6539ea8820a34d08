using System.Text.RegularExpressions;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Documentation;

/// <summary>A fenced code block of a Markdown file: the file (repository-relative), the line of its first code line, its text.</summary>
public sealed record MarkdownSnippet(string File, int Line, string Language, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Reads the fenced code blocks of the Markdown files a new user reads: README.md, docs/ and the package readmes.</summary>
internal static partial class MarkdownSnippets
{
    public static IReadOnlyList<string> Files { get; } = FindFiles();

    public static IEnumerable<MarkdownSnippet> All(string language) => Files.SelectMany(f => Read(f)).Where(s => s.Language == language);

    public static IReadOnlyList<MarkdownSnippet> Read(string relativeFile)
    {
        var lines = File.ReadAllLines(TestPaths.Repo(relativeFile));
        var snippets = new List<MarkdownSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }

            snippets.Add(new MarkdownSnippet(relativeFile, start + 1, open.Groups["language"].Value, string.Join("\n", lines[start..end]) + "\n"));
            i = end;
        }

        return snippets;
    }

    private static IReadOnlyList<string> FindFiles()
    {
        var root = TestPaths.RepositoryRoot;
        IEnumerable<string> files = [
            Path.Combine(root, "README.md"),
            .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md"),
            .. Directory.GetFiles(Path.Combine(root, "src"), "package-readme.md", SearchOption.AllDirectories),
        ];
        return [.. files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^```(?<language>[A-Za-z0-9#+-]*)\s*$")]
    private static partial Regex Fence();
}
