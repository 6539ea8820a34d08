using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Tests.Support;

namespace SecurityGuarantees.Tests.Loading;

public sealed class RuleFileDiagnosticsTests
{
    private const string Header = "version: 1\nruleset: t\nrules:\n";

    private static Diagnostic Single(string yaml, string code) => TestEngines.SingleLoadError(yaml, code);

    private static string Rule(string when, string then = "      - condition: c") =>
        Header + "  - id: r\n    when:\n" + when + "\n    then:\n" + then + "\n";

    [Fact]
    public void UnknownKey_SuggestsTheClosest()
    {
        var d = Single(Header + "  - id: r\n    wen:\n      - fact: Party\n    then:\n      - condition: c\n", DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("test.yaml", 5, 5), d.Location);
        Assert.Equal("unknown key 'wen' in a rule", d.Message);
        Assert.Equal("did you mean 'when'?", d.Hint);
    }

    [Fact]
    public void MissingRequiredKey_IsReported()
    {
        var d = Single(Header + "  - id: r\n    then:\n      - condition: c\n", DiagnosticCodes.MissingKey);
        Assert.Equal(4, d.Location.Line);
        Assert.Contains("'when'", d.Message);
    }

    [Fact]
    public void UnquotedTemplate_IsAMap_WithAHintToQuote()
    {
        var d = Single(Rule("      - fact: Proposal\n        as: p", "      - condition: c\n        subject: {p.id}"), DiagnosticCodes.WrongNodeKind);
        Assert.Equal(new SourceLocation("test.yaml", 10, 18), d.Location);
        Assert.Equal("quote the template: subject: \"{p.id}\"", d.Hint);
    }

    [Fact]
    public void ExclamationInWhere_IsATag_WithAHintToQuote()
    {
        var d = Single(Rule("      - fact: Proposal\n        where: !mutual"), DiagnosticCodes.TagNotAllowed);
        Assert.Equal(new SourceLocation("test.yaml", 7, 16), d.Location);
        Assert.Contains("quote it: \"!mutual\"", d.Hint);
    }

    [Fact]
    public void AnchorsAndAliases_AreRejected()
    {
        var diagnostics = TestEngines.LoadErrors(Rule("      - &a { fact: Party }\n      - *a"));
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.AnchorOrAlias));
    }

    [Fact]
    public void AliasBomb_IsRefusedQuickly()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        var diagnostics = TestEngines.LoadErrors(yaml);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.AnchorOrAlias);
    }

    [Fact]
    public void MergeKey_IsRejected()
    {
        Assert.Contains(TestEngines.LoadErrors(Rule("      - fact: Party\n        <<: { as: x }")), d => d.Code == DiagnosticCodes.MergeKey);
    }

    [Fact]
    public void DuplicateKey_IsReportedWithTheFirstLine()
    {
        var d = Single(Rule("      - fact: Party\n        fact: Proposal"), DiagnosticCodes.DuplicateKey);
        Assert.Equal(7, d.Location.Line);
        Assert.Contains("first at line 6", d.Message);
    }

    [Fact]
    public void OtherVersion_IsAnError()
    {
        var d = Single("version: 2\nruleset: t\nrules:\n  - id: r\n    when: [{ fact: Party }]\n    then: [{ condition: c }]\n", DiagnosticCodes.UnsupportedVersion);
        Assert.Equal(new SourceLocation("test.yaml", 1, 10), d.Location);
    }

    [Fact]
    public void InvalidRuleId_IsAnError()
    {
        var d = Single(Header + "  - id: bad/id\n    when: [{ fact: Party }]\n    then: [{ condition: c }]\n", DiagnosticCodes.InvalidId);
        Assert.Equal(new SourceLocation("test.yaml", 4, 9), d.Location);
    }

    [Fact]
    public void YamlSyntaxError_HasItsPosition()
    {
        var d = Single(Header + "  - id: r\n    when: [unclosed\n", DiagnosticCodes.YamlSyntax);
        Assert.True(d.Location.Line >= 5, d.ToString());
    }

    [Fact]
    public void UnknownFactType_SuggestsTheClosest()
    {
        var d = Single(Rule("      - fact: Proposl"), DiagnosticCodes.UnknownFactType);
        Assert.Equal(new SourceLocation("test.yaml", 6, 15), d.Location);
        Assert.Equal("did you mean 'Proposal'?", d.Hint);
    }

    [Fact]
    public void UnknownField_InWhere_HasExactColumnAndSuggestion()
    {
        var d = Single(Rule("      - fact: Position\n        where: stanse == \"accepted\""), DiagnosticCodes.UnknownField);
        Assert.Equal(new SourceLocation("test.yaml", 7, 16), d.Location);
        Assert.Equal("unknown field 'stanse' on Position", d.Message);
        Assert.Equal("did you mean 'stance'?", d.Hint);
    }

    [Fact]
    public void UnknownEnumValue_SuggestsTheClosest()
    {
        var d = Single(Rule("      - fact: Position\n        where: stance == \"acepted\""), DiagnosticCodes.UnknownEnumValue);
        Assert.Equal("did you mean 'accepted'?", d.Hint);
    }

    [Fact]
    public void BindingNamedLikeAField_IsAnError()
    {
        var d = Single(Rule("      - fact: Position\n        as: party"), DiagnosticCodes.BindingShadowsField);
        Assert.Equal(new SourceLocation("test.yaml", 7, 13), d.Location);
    }

    [Fact]
    public void DuplicateBinding_IsAnError()
    {
        Single(Rule("      - fact: Party\n        as: x\n      - fact: Proposal\n        as: x"), DiagnosticCodes.DuplicateBinding);
    }

    [Fact]
    public void CountInsideNot_IsAnError()
    {
        Single(Rule("      - not:\n          count: Party\n          atLeast: 2"), DiagnosticCodes.CountNotTopLevel);
    }

    [Fact]
    public void ElementWithTwoKinds_IsAnError()
    {
        Single(Rule("      - fact: Party\n        not: { fact: Proposal }"), DiagnosticCodes.InvalidElement);
    }

    [Fact]
    public void TemplateWithUnknownBinding_IsAnError()
    {
        var d = Single(Rule("      - fact: Proposal\n        as: p", "      - condition: c\n        text: \"About {q.id}\""), DiagnosticCodes.UnknownName);
        Assert.Equal(new SourceLocation("test.yaml", 10, 23), d.Location);
    }

    [Fact]
    public void TemplateWithUnknownField_IsAnError()
    {
        var d = Single(Rule("      - fact: Proposal\n        as: p", "      - condition: c\n        text: \"About {p.titel}\""), DiagnosticCodes.UnknownField);
        Assert.Equal("did you mean 'title'?", d.Hint);
    }

    [Fact]
    public void InsertOfADerivedType_IsAnError()
    {
        Single(Rule("      - fact: Party", "      - insert: { Condition: { id: x } }"), DiagnosticCodes.DerivedTypeNotAllowed);
    }

    [Fact]
    public void InsertWithABadLiteral_IsAnError()
    {
        var d = Single(Rule("      - fact: Party", "      - insert: { Commitment: { id: x, kind: reassurance } }"), DiagnosticCodes.InvalidInsert);
        Assert.Contains("reassurance-force", d.Message);
    }

    [Fact]
    public void InsertWithoutKey_IsAnError()
    {
        Single(Rule("      - fact: Party", "      - insert: { Commitment: { party: FR } }"), DiagnosticCodes.InvalidInsert);
    }

    [Fact]
    public void DuplicateRuleIdsAcrossFiles_AreAnError()
    {
        var rule = Header + "  - id: same\n    when: [{ fact: Party }]\n    then: [{ condition: c }]\n";
        var e = Assert.Throws<RuleLoadException>(() => new ScenarioEngineBuilder().AddRuleText("a.yaml", rule).AddRuleText("b.yaml", rule).Build());
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateRuleId, d.Code);
        Assert.Equal("b.yaml", d.Location.File);
    }

    [Fact]
    public void AllErrorsOfAFile_AreReportedInOnePass_AndNothingIsBuilt()
    {
        var yaml = Header
            + "  - id: one\n    when:\n      - fact: Proposl\n    then: [{ condition: c }]\n"
            + "  - id: two\n    when:\n      - fact: Position\n        where: stanse == \"x\"\n    then: [{ condition: c, severity: urgent }]\n"
            + "  - id: three\n    wen: []\n";
        var diagnostics = TestEngines.LoadErrors(yaml);
        Assert.Equal(
            [DiagnosticCodes.UnknownFactType, DiagnosticCodes.UnknownField, DiagnosticCodes.InvalidValue, DiagnosticCodes.MissingKey, DiagnosticCodes.MissingKey, DiagnosticCodes.UnknownKey],
            diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.True(d.Location.Line > 0 && d.Location.Column > 0, d.ToString()));
    }

    [Fact]
    public void DeeplyNestedExpression_IsADiagnosticNotAStackOverflow()
    {
        var deep = new string('(', 10_000) + "true" + new string(')', 10_000);
        var diagnostics = TestEngines.LoadErrors(Rule($"      - fact: Party\n        where: \"{deep}\""));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ExpressionTooComplex);
    }

    [Fact]
    public void DeeplyNestedYaml_IsADiagnosticNotAStackOverflow()
    {
        var deep = "x: " + new string('[', 5_000) + new string(']', 5_000) + "\n";
        Assert.Contains(TestEngines.LoadErrors(deep), d => d.Code == DiagnosticCodes.TooDeep);
    }
}
