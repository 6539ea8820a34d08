using System.Globalization;
using SecurityGuarantees.Cli;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Support.CliRun;

namespace SecurityGuarantees.Tests.Cli;

/// <summary>The CLI over fact types declared in YAML: schema, evaluate in every culture, why-not --suggest, whatif.</summary>
public sealed class DeclaredTypeCommandTests
{
    private static readonly string Rules = TestPaths.Fixture("declared/rules");
    private static readonly string Scenario = TestPaths.Fixture("declared/scenario.yaml");

    [Fact]
    public void Schema_WritesTheDeclaredTypes_ForEditors()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sg-declared-schema-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, _, error) = Run("schema", "--rules", Rules, "--out", folder);
            Assert.Equal((0, ""), (exitCode, error));
            var scenario = File.ReadAllText(Path.Combine(folder, "scenario.schema.json"));
            Assert.Contains("\"fact-SanctionPackage\"", scenario, StringComparison.Ordinal);
            Assert.Contains("Troops a nation would send to a force once a ceasefire holds", scenario, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_Json_IsTheSame_InEveryCulture()
    {
        var outputs = new List<string>();
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "de-DE", "ar-SA", "fr-FR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                var (exitCode, output, _) = Run("evaluate", Scenario, "--rules", Rules, "--format", "json");
                Assert.Equal(0, exitCode);
                outputs.Add(output);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }

        Assert.Single(outputs.Distinct());
        Assert.Contains("\"text\":\"PKG-A/adopted 0.75 banking, energy\"", outputs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNot_Suggest_ChangesADeclaredEnumField()
    {
        var (exitCode, output, _) = Run("why-not", TestPaths.Fixture("declared/proposed-only.yaml"), "--rules", Rules, "--condition", "package-counts", "--suggest");
        Assert.True(exitCode is 0 or 1, output);
        Assert.Contains("set SanctionPackage[pkg-b].status = adopted", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_VariesADeclaredField_AndADeclaredFactsPresence()
    {
        var (exitCode, output, error) = Run("whatif", Scenario, "--rules", Rules, "--vary", "SanctionPackage[pkg-b].status=proposed,adopted",
            "--vary-present", "TroopPledge[GB/reassurance]", "--format", "json");
        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("\"SanctionPackage[pkg-b].status\":\"adopted\"", output, StringComparison.Ordinal);
        Assert.Contains("\"TroopPledge[GB/reassurance]\"", output, StringComparison.Ordinal);

        var (badExit, _, badError) = Run("whatif", Scenario, "--rules", Rules, "--vary", "SanctionPackage[pkg-b].status=adpoted");
        Assert.Equal(2, badExit);
        Assert.Contains("adpoted", badError, StringComparison.Ordinal);
    }
}
