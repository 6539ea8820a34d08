using SecurityGuarantees.Authoring;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>Completion over issue 13's let: and aggregate: (examples/aggregates), through the binder's recorded scopes.</summary>
public sealed class AuthoringComputedTests
{
    private static readonly string Path = TestPaths.Repo("examples/aggregates/rules/army-caps.yaml");

    private static IReadOnlyList<AuthoringCompletion> Complete(string text, TextPosition at) =>
        AuthoringWorkspace.Create().WithDocument(Path, text).GetCompletions(Path, at);

    [Fact]
    public void GetDiagnostics_Example_None() =>
        Assert.Empty(AuthoringWorkspace.Create().WithDocument(Path, File.ReadAllText(Path)).GetDiagnostics(Path));

    [Fact]
    public void GetCompletions_LetValueAfterAggregateName_ItsResults()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "gap: caps.highest - caps.lowest", "gap: caps.");

        Assert.Equal(["lowest", "highest", "drafts", "proposals"], Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_TemplateHole_LetBindings()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "(a gap of {gap}", "(a gap of {‸}");

        var labels = Labels(Complete(text, at));

        Assert.Contains("gap", labels);
        Assert.Contains("share", labels);
    }

    [Fact]
    public void GetCompletions_AggregateElementKeys()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "        groupBy: value\n", "        gr‸\n");

        Assert.Equal(["groupBy"], Labels(Complete(text, at)).Where(l => l.StartsWith("gr", StringComparison.Ordinal)));
    }
}
