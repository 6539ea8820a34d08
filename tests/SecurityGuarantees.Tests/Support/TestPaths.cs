namespace SecurityGuarantees.Tests.Support;

/// <summary>Paths to fixture files (copied next to the test assembly) and to the repository's own folders.</summary>
internal static class TestPaths
{
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Repo(string relative) => Path.Combine(RepositoryRoot, relative);

    /// <summary>The YAML files of a repository folder, by file name in ordinal order, as theory data.</summary>
    public static TheoryData<string> YamlFiles(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo(folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecurityGuarantees.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
