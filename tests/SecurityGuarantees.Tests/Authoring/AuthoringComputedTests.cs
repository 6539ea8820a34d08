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

    [Fact]
    public void GetCompletions_ComputeValue_AggregateFunctionsWithSignatures()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "lowest: min(value)", "lowest: mi");

        var items = Complete(text, at);

        Assert.Equal(["count", "sum", "avg", "min", "max", "collect", "collectDistinct"], Labels(items));
        Assert.All(items, i => Assert.Equal(AuthoringCompletionKind.Function, i.Kind));
        Assert.StartsWith("min(f): number or date", items.Single(i => i.Label == "min").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCompletions_ComputeArgument_FieldsOfTheAggregatedType()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "lowest: min(value)", "lowest: min(va‸)");

        var items = Complete(text, at);

        Assert.Contains("value", Labels(items));
        Assert.Contains("proposal", Labels(items));
        Assert.Equal("number — Term", items.Single(i => i.Label == "value").Detail);
        Assert.Contains("round", Labels(items)); // an argument is an expression: functions too
        Assert.DoesNotContain("caps", Labels(items)); // over the aggregated fact alone: no bindings
        Assert.DoesNotContain("distinct", Labels(items));
    }

    [Fact]
    public void GetCompletions_ComputeCountArgument_DistinctAndFields()
    {
        var count = Edit(File.ReadAllText(Path), "drafts: count()\n          proposals", "drafts: count(‸)\n          proposals");
        var labels = Labels(Complete(count.Text, count.Position));
        Assert.Equal("distinct", labels[0]);
        Assert.Contains("kind", labels);

        var distinct = Edit(File.ReadAllText(Path), "drafts: count()\n          proposals", "drafts: count(distinct ‸)\n          proposals");
        var afterDistinct = Labels(Complete(distinct.Text, distinct.Position));
        Assert.Contains("proposal", afterDistinct);
        Assert.DoesNotContain("distinct", afterDistinct);
    }

    [Fact]
    public void GetCompletions_ComputeArgumentAfterEquals_EnumValues()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "proposals: collect(proposal)\n        having", "proposals: collect(kind == \"‸\")\n        having");

        Assert.Contains("army-cap", Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_ComputeInFlowMapping_FieldsOfTheAggregatedType()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "        compute:\n          drafts: count()\n          proposals: collect(proposal)\n        having: cap.drafts",
            "        compute: { drafts: count(), top: max(va‸) }\n        having: cap.drafts");

        Assert.Contains("value", Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_ComputePastTheCall_Nothing()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "lowest: min(value)", "lowest: min(value) ");

        Assert.Empty(Complete(text, at));
    }

    /// <summary>Every function completion offers is one the rule builder accepts (the lists are kept by hand).</summary>
    [Fact]
    public void GetCompletions_ComputeFunctions_AllAcceptedByTheRuleBuilder()
    {
        var original = File.ReadAllText(Path);
        var (text, at) = Edit(original, "lowest: min(value)", "lowest: ");
        foreach (var function in Labels(Complete(text, at)))
        {
            var call = function is "collect" or "collectDistinct" or "count" ? $"{function}(proposal)" : $"{function}(value)";
            var edited = original.Replace("lowest: min(value)", $"lowest: {call}", StringComparison.Ordinal);

            // SG0321 is the builder's "not an aggregate function" (later uses of a list where a number was may not type-check).
            Assert.DoesNotContain(AuthoringWorkspace.Create().WithDocument(Path, edited).GetDiagnostics(Path), d => d.Diagnostic.Code == "SG0321");
        }
    }

    [Fact]
    public void GetCompletions_GroupBy_SingleValuedFieldsOfTheAggregatedType()
    {
        var (text, at) = Edit(File.ReadAllText(Path), "groupBy: value", "groupBy: ");

        var labels = Labels(Complete(text, at));

        Assert.Contains("value", labels);
        Assert.Contains("kind", labels);
        Assert.DoesNotContain("cap", labels); // not a binding: a field name
    }

    private static AuthoringWorkspace Example => AuthoringWorkspace.Create().WithDocument(Path, File.ReadAllText(Path));

    private static TextPosition Inside(string marker) => After(File.ReadAllText(Path), marker) is var p ? p with { Column = p.Column - 1 } : default;

    [Fact]
    public void GetHoverAndDefinition_AggregateResult_ItsComputeKey()
    {
        var text = File.ReadAllText(Path);

        var hover = Example.GetHover(Path, Inside("having: caps.highest > caps.lo"));
        var definition = Assert.Single(Example.GetDefinitions(Path, Inside("having: caps.highest > caps.lo")));

        Assert.Equal("**binding** `caps.lowest`: number", hover?.Markdown);
        Assert.Equal(After(text, "        compute:\n          "), definition.Range.Start);
    }

    [Fact]
    public void GetHoverAndDefinition_AggregateName_ItsResultsAndAs()
    {
        var text = File.ReadAllText(Path);

        var hover = Example.GetHover(Path, Inside("having: ca"));
        var definition = Assert.Single(Example.GetDefinitions(Path, Inside("having: ca")));

        Assert.Equal("**aggregate** `caps`\n\n- `caps.lowest`: number\n- `caps.highest`: number\n- `caps.drafts`: number\n- `caps.proposals`: list of string", hover?.Markdown);
        Assert.Equal(After(text, "as: "), definition.Range.Start);
    }

    [Fact]
    public void GetDefinitions_GroupKeyAndLetName_GroupByAndLetKey()
    {
        var text = File.ReadAllText(Path);

        var key = Assert.Single(Example.GetDefinitions(Path, Inside("subject: \"{cap.ke")));
        var let = Assert.Single(Example.GetDefinitions(Path, Inside("(a gap of {ga")));

        Assert.Equal(After(text, "groupBy: "), key.Range.Start);
        Assert.Equal(After(text, "- let: { "), let.Range.Start);
    }

    [Fact]
    public void GetHoverAndReferences_FieldInComputeArgumentAndGroupBy()
    {
        var text = File.ReadAllText(Path);

        var hover = Example.GetHover(Path, Inside("lowest: min(val"));
        var references = Example.GetReferences(Path, Inside("lowest: min(val"));

        Assert.StartsWith("**field** `Term.value`: number", hover?.Markdown, StringComparison.Ordinal);
        Assert.Contains(references, r => r.Range.Start == After(text, "lowest: min("));
        Assert.Contains(references, r => r.Range.Start == After(text, "groupBy: "));
        Assert.Contains(references, r => r.Range.Start == After(text, "where: kind == \"army-cap\" && "));
        Assert.StartsWith("**field** `Term.value`", Example.GetHover(Path, Inside("groupBy: va"))?.Markdown, StringComparison.Ordinal);
    }
}
