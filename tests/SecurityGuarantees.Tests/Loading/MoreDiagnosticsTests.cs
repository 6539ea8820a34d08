using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Loading;

public sealed class MoreDiagnosticsTests
{
    private const string Header = "version: 1\nruleset: t\nrules:\n";

    private static Diagnostic Single(string yaml, string code) => TestEngines.SingleLoadError(yaml, code);

    [Fact]
    public void UnclosedTemplateBrace_IsATemplateError()
    {
        var d = Single(Header + "  - id: r\n    when: [{ fact: Party, as: p }]\n    then:\n      - condition: c\n        text: \"About {p.id\"\n", DiagnosticCodes.TemplateError);
        Assert.Equal(new SourceLocation("test.yaml", 8, 22), d.Location); // the unclosed brace
        Assert.Contains("'{{'", d.Hint);
    }

    [Fact]
    public void ActionWithoutKind_SuggestsTheClosest()
    {
        var d = Single(Header + "  - id: r\n    when: [{ fact: Party }]\n    then:\n      - conditon: c\n", DiagnosticCodes.InvalidAction);
        Assert.Equal(new SourceLocation("test.yaml", 7, 9), d.Location);
        Assert.Equal("did you mean 'condition'?", d.Hint);
    }

    [Fact]
    public void EmptyWhen_IsReported()
    {
        var d = Single(Header + "  - id: r\n    when: []\n    then: [{ condition: c }]\n", DiagnosticCodes.EmptyValue);
        Assert.Equal(new SourceLocation("test.yaml", 5, 11), d.Location);
    }

    [Fact]
    public void AnyBindingTheSameNameToDifferentTypes_IsAnError()
    {
        var yaml = Header + "  - id: r\n    when:\n      - any:\n          - { fact: Party, as: x }\n          - { fact: Proposal, as: x }\n    then: [{ condition: c }]\n";
        var d = Single(yaml, DiagnosticCodes.AnyBindingMismatch);
        Assert.Equal(new SourceLocation("test.yaml", 6, 9), d.Location);
    }

    [Fact]
    public void ABindingMadeInsideNot_IsNotVisibleLater()
    {
        var yaml = Header + "  - id: r\n    when:\n      - not: { fact: Party, as: x }\n      - fact: Proposal\n        where: id == x.id\n    then: [{ condition: c }]\n";
        Assert.Contains(TestEngines.LoadErrors(yaml), d => d.Code == DiagnosticCodes.UnknownName && d.Location.Line == 8);
    }

    [Fact]
    public void MissingRulesFolder_IsAFileNotFoundDiagnostic()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRules("no/such/folder").Build());
        Assert.Equal(DiagnosticCodes.FileNotFound, Assert.Single(e.Diagnostics).Code);
    }

    private sealed record Keyless
    {
        public string? Name { get; init; }
    }

    [Fact]
    public void AFactTypeWithoutKey_IsARegistrationError()
    {
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddFactType<Keyless>().Build());
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactTypeRegistration, d.Code);
        Assert.Contains("has no key", d.Message);
    }
}
