namespace SecurityGuarantees.Tests.Packaging;

/// <summary>
/// <c>security-guarantees --version</c> prints the one version from Directory.Build.props, without a <c>+commit</c>
/// suffix. Runs the built tool as a process: System.CommandLine reads the entry assembly's version.
/// </summary>
public sealed class CliVersionTests
{
    [Fact]
    public void Version_PrintsTheVersionFromDirectoryBuildProps()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "security-guarantees.dll");
        var (exitCode, output, error) = DotnetProcess.Run(AppContext.BaseDirectory, TimeSpan.FromMinutes(1), tool, "--version");
        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Equal(PackedLibraryFixture.ReadVersion(), output.TrimEnd('\n', '\r'));
    }
}
