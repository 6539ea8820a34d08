using PublicApiGenerator;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.ApiApproval;

/// <summary>
/// Any change to the public surface shows up as a diff of the approved file. To approve a deliberate change, copy
/// the written <c>.received.txt</c> over the <c>.approved.txt</c> and commit it.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages() => ["SecurityGuarantees", "SecurityGuarantees.Testing"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicApi_HasNotChanged(string package)
    {
        var assembly = package == "SecurityGuarantees" ? typeof(ScenarioEngine).Assembly : typeof(SecurityGuarantees.Testing.ScenarioFilesAttribute).Assembly;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        }).ReplaceLineEndings("\n");
        var folder = TestPaths.Repo(Path.Combine("tests", "SecurityGuarantees.Tests", "ApiApproval"));
        var approvedPath = Path.Combine(folder, $"{package}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{package}.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (approved != api)
        {
            File.WriteAllText(receivedPath, api);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(approved == api, $"The public API changed. Review {receivedPath} and, if intended, copy it over {approvedPath}.");
    }
}
