namespace SecurityGuarantees.Tests.Documentation;

/// <summary>
/// Every C# snippet of README.md, docs/ and the package readmes compiles as a file of a new project: the Markdown is
/// the only copy, so a snippet cannot drift from what is tested; an API change that breaks one fails here.
/// </summary>
public sealed class DocumentationSnippetTests
{
    public static TheoryData<MarkdownSnippet> CSharpSnippets() => [.. MarkdownSnippets.All("csharp")];

    [Theory]
    [MemberData(nameof(CSharpSnippets))]
    public void Snippet_Compiles_WithTheUsingsItShows(MarkdownSnippet snippet)
    {
        var errors = SnippetCompiler.Errors(snippet);

        Assert.True(errors.Count == 0, $"{snippet} does not compile:\n{string.Join("\n", errors)}\n---\n{snippet.Code}");
    }

    [Fact]
    public void EveryCodeBlockThatLooksLikeCSharp_IsMarkedCSharp()
    {
        // An unmarked block would escape compilation.
        var unmarked = MarkdownSnippets.Files.SelectMany(f => MarkdownSnippets.Read(f))
            .Where(s => s.Language is "" or "cs" or "c#" && (s.Code.Contains("new ScenarioEngineBuilder", StringComparison.Ordinal) || s.Code.Contains("using SecurityGuarantees", StringComparison.Ordinal)))
            .Select(s => s.ToString());

        Assert.Empty(unmarked);
    }

    [Fact]
    public void TheReadme_And_TheDocs_HaveSnippetsToCompile()
    {
        var files = MarkdownSnippets.All("csharp").Select(s => s.File).Distinct().ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/testing.md", files);
        Assert.Contains("src/SecurityGuarantees/package-readme.md", files);
    }

    [Fact]
    public void ASnippetThatDoesNotCompile_IsReportedAtItsMarkdownLine()
    {
        var broken = new MarkdownSnippet("docs/x.md", 10, "csharp", "using SecurityGuarantees;\n\nvar engine = new ScenarioEngineBuilder().Bulid();\n");
        var missingUsing = new MarkdownSnippet("docs/x.md", 20, "csharp", "var scenario = Scenario.Create(\"s\", []);\n");

        Assert.Contains(SnippetCompiler.Errors(broken), e => e.StartsWith("docs/x.md:12:", StringComparison.Ordinal) && e.Contains("Bulid", StringComparison.Ordinal));
        Assert.Contains(SnippetCompiler.Errors(missingUsing), e => e.Contains("CS0103", StringComparison.Ordinal) && e.Contains("Scenario", StringComparison.Ordinal));
    }
}
