using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SecurityGuarantees.Tests.Packaging;

/// <summary>
/// Pins what users get from <c>dotnet add package SecurityGuarantees</c>: the dependency list (no Roslyn, lowest
/// versions), the metadata NuGet shows, and the content. A change here is a reviewed change of the package.
/// </summary>
public sealed class PackedLibraryTests(PackedLibraryFixture package) : IClassFixture<PackedLibraryFixture>
{
    /// <summary>
    /// The runtime dependencies, at the lowest versions that work so hosts on any 10.x are not forced up.
    /// FastExpressionCompiler compiles the rule expressions several times faster than the framework (issue 6).
    /// </summary>
    private static readonly string[] PinnedDependencies =
    [
        "FastExpressionCompiler 6.0.0",
        "Microsoft.Extensions.DependencyInjection.Abstractions 10.0.0",
        "Microsoft.Extensions.Hosting.Abstractions 10.0.0",
        "Microsoft.Extensions.Logging.Abstractions 10.0.0",
        "Microsoft.Extensions.Options 10.0.0",
        "NRules.RuleModel 1.0.4",
        "NRules.Runtime 1.0.4",
        "Parlot 2.2.1",
        "YamlDotNet 18.1.0",
    ];

    private IEnumerable<(string Id, string Version)> Dependencies() =>
        package.Metadata("dependencies")!.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!));

    [Fact]
    public void Nuspec_Dependencies_AreThePinnedList()
    {
        var groups = package.Metadata("dependencies")!.Elements().Select(g => (string?)g.Attribute("targetFramework")).ToList();
        Assert.Equal(["net10.0"], groups);
        Assert.Equal(PinnedDependencies, Dependencies().Select(d => $"{d.Id} {d.Version}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nuspec_Dependencies_IncludeNoCodeAnalysisPackage()
    {
        Assert.DoesNotContain(Dependencies(), d => d.Id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nuspec_Metadata_HasIdVersionLicenceReadmeRepositoryAndTags()
    {
        Assert.Equal("SecurityGuarantees", package.Metadata("id")!.Value);
        Assert.Equal(package.Version, package.Metadata("version")!.Value);
        Assert.Equal("MIT", package.Metadata("license")!.Value);
        Assert.Equal("expression", (string?)package.Metadata("license")!.Attribute("type"));
        Assert.Equal("package-readme.md", package.Metadata("readme")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")!.Value));
        Assert.Contains("rules-engine", package.Metadata("tags")!.Value.Split(' '));
        Assert.StartsWith("https://", package.Metadata("projectUrl")!.Value);
        var repository = package.Metadata("repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"));
    }

    [Fact]
    public void Package_Content_IsTheAssemblyItsXmlDocsAndTheReadme()
    {
        Assert.Contains("lib/net10.0/SecurityGuarantees.dll", package.Entries);
        Assert.Contains("lib/net10.0/SecurityGuarantees.xml", package.Entries);
        Assert.Contains("package-readme.md", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.True(File.Exists(package.SymbolPackagePath), $"no symbol package at {package.SymbolPackagePath}");
    }

    [Fact]
    public void Package_Assembly_EmbedsTheBuiltInRuleSetAndTheVersion()
    {
        using var pe = new PEReader(new MemoryStream(package.ReadEntry("lib/net10.0/SecurityGuarantees.dll")));
        var metadata = pe.GetMetadataReader();
        var resources = metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
        var shipped = Directory.GetFiles(Support.TestPaths.Repo("rules"), "*.yaml").Select(f => "SecurityGuarantees.Rules." + Path.GetFileName(f));
        Assert.All(shipped, name => Assert.Contains(name, resources));
        Assert.Equal(package.Version, metadata.GetAssemblyDefinition().Version.ToString(3));
    }

    [Fact]
    public void PackageReadme_QuickStart_UsesTheRealApi()
    {
        var readme = System.Text.Encoding.UTF8.GetString(package.ReadEntry("package-readme.md"));
        Assert.Contains("new ScenarioEngineBuilder()", readme);
        Assert.Contains("AddSecurityGuarantees", readme);
        Assert.Contains("WatchRules", readme);
    }
}
