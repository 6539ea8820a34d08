namespace SecurityGuarantees.Server.Tests.Support;

/// <summary>Paths into the repository (the tests read its real rules and example scenarios).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string ParisE5 => Path("examples/scenarios/2025-03-12-paris-e5.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SecurityGuarantees.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
