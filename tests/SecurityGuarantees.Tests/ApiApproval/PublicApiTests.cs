using PublicApiGenerator;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.ApiApproval;

/// <summary>
/// Any change to the public surface shows up as a diff of the approved file. To approve a deliberate change, copy
/// the written <c>.received.txt</c> over the <c>.approved.txt</c> and commit it.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChanged()
    {
        var api = typeof(ScenarioEngine).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        }).ReplaceLineEndings("\n");
        var folder = TestPaths.Repo(Path.Combine("tests", "SecurityGuarantees.Tests", "ApiApproval"));
        var approvedPath = Path.Combine(folder, "SecurityGuarantees.approved.txt");
        var receivedPath = Path.Combine(folder, "SecurityGuarantees.received.txt");
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
