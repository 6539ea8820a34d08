using System.IO.Compression;
using System.Xml.Linq;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Packaging;

/// <summary>
/// Packs <c>src/SecurityGuarantees</c> (Release, no restore: the solution build restored it) into a temporary folder
/// once for the packaging tests, and reads the package back with <see cref="ZipArchive"/>.
/// </summary>
public sealed class PackedLibraryFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sg-pack-" + Guid.NewGuid().ToString("N"));

    public PackedLibraryFixture()
    {
        Version = ReadVersion();
        var project = TestPaths.Repo(Path.Combine("src", "SecurityGuarantees", "SecurityGuarantees.csproj"));
        var (exitCode, output, error) = DotnetProcess.Run(TestPaths.RepositoryRoot, TimeSpan.FromMinutes(3),
            "pack", project, "--configuration", "Release", "--no-restore", "--output", _folder);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed ({exitCode}):\n{output}\n{error}");
        }

        PackagePath = Path.Combine(_folder, $"SecurityGuarantees.{Version}.nupkg");
        SymbolPackagePath = Path.Combine(_folder, $"SecurityGuarantees.{Version}.snupkg");
        using var package = ZipFile.OpenRead(PackagePath);
        Entries = [.. package.Entries.Select(e => e.FullName)];
        using var nuspec = package.GetEntry("SecurityGuarantees.nuspec")!.Open();
        Nuspec = XDocument.Load(nuspec);
    }

    /// <summary>The one version, from Directory.Build.props.</summary>
    public string Version { get; }

    public string PackagePath { get; }

    public string SymbolPackagePath { get; }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    /// <summary>A metadata element of the nuspec, whatever its schema namespace.</summary>
    public XElement? Metadata(string name) =>
        Nuspec.Root!.Elements().First(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public byte[] ReadEntry(string name)
    {
        using var package = ZipFile.OpenRead(PackagePath);
        using var stream = package.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string ReadVersion()
    {
        var props = XDocument.Load(TestPaths.Repo("Directory.Build.props"));
        return props.Descendants("Version").Single().Value;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
