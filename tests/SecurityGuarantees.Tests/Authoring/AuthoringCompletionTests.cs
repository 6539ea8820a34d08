using SecurityGuarantees.Authoring;
using static SecurityGuarantees.Tests.Authoring.AuthoringFixture;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>Completion contexts over the real fixture files, mostly mid-edit.</summary>
public sealed class AuthoringCompletionTests
{
    private static IReadOnlyList<AuthoringCompletion> Complete(string text, TextPosition position, string? path = null)
    {
        path ??= RulesPath;
        return AuthoringWorkspace.Create().WithDocument(path, text).GetCompletions(path, position);
    }

    [Fact]
    public void GetCompletions_AfterStanceEqualsQuote_SixStances()
    {
        var (text, at) = Edit(RuleText, "stance == \"pending\"", "stance == \"");

        var items = Complete(text, at);

        Assert.Equal(["accepted", "conditional", "pending", "rejected", "ignored", "counter-proposed"], Labels(items));
        Assert.All(items, i => Assert.Equal(AuthoringCompletionKind.EnumValue, i.Kind));
    }

    [Theory]
    [InlineData("")]                     // the rule's 'then' is not written yet: an author writing top-down
    [InlineData("    then: []\n")]
    [InlineData("    then:\n")]
    public void GetCompletions_InARuleWithoutItsThenYet_StillKnowTheWhere(string then)
    {
        var text = "version: 1\nruleset: mine\nrules:\n  - id: r\n    when:\n      - fact: Position\n        where: stance == \"\n" + then;

        var items = Complete(text, new TextPosition(7, 27), "mine.yaml");

        Assert.Equal(["accepted", "conditional", "pending", "rejected", "ignored", "counter-proposed"], Labels(items));
    }

    [Fact]
    public void GetCompletions_AfterStanceEquals_QuotedStances()
    {
        var (text, at) = Edit(RuleText, "stance == \"pending\"", "stance == ");

        var items = Complete(text, at);

        Assert.Equal(6, items.Count);
        Assert.Equal("\"accepted\"", items[0].InsertText);
    }

    [Fact]
    public void GetCompletions_InListAfterIn_EnumValues()
    {
        var (text, at) = Edit(RuleText, "kind == \"ceasefire\"", "kind in [\"truce\", \"");

        Assert.Contains("partial-ceasefire", Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_AfterBindingDot_ProposalFields()
    {
        var (text, at) = Edit(RuleText, "proposal == p.id", "proposal == p.");

        var items = Complete(text, at);

        Assert.Contains("id", Labels(items));
        Assert.Contains("proposedBy", Labels(items));
        Assert.Contains("status", Labels(items));
        Assert.All(items, i => Assert.Equal(AuthoringCompletionKind.Field, i.Kind));
        Assert.Equal("enum ProposalStatus — Proposal", items.Single(i => i.Label == "status").Detail);
    }

    [Fact]
    public void GetCompletions_StartOfWhere_FieldsBindingsFunctions()
    {
        var (text, at) = Edit(RuleText, "where: proposal == p.id && stance == \"pending\"", "where: proposal == p.id && ");

        var labels = Labels(Complete(text, at));

        Assert.Contains("stance", labels);
        Assert.Contains("p", labels);
        Assert.DoesNotContain("pos", labels); // bound by this pattern, not visible in its own where
        Assert.Contains("daysBetween", labels);
        Assert.Contains("and", labels);
    }

    [Fact]
    public void GetCompletions_Having_CountBinding()
    {
        var (text, at) = Edit(RuleText, "having: n >= 2", "having: ");

        var items = Complete(text, at);

        Assert.Equal("number", items.Single(i => i.Label == "n").Detail);
        Assert.Contains("p", Labels(items));
    }

    [Fact]
    public void GetCompletions_TemplateHole_BindingFields()
    {
        var (text, at) = Edit(RuleText, "\"{pos.party} has not answered\"", "\"{pos.‸}\"");

        Assert.Contains("stance", Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_TemplateHoleUnclosedQuote_BindingFields()
    {
        var (text, at) = Edit(RuleText, "\"{pos.party} has not answered\"", "\"{pos.");

        Assert.Contains("stance", Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_TemplateLiteralText_Nothing()
    {
        var (text, at) = Edit(RuleText, "\"{pos.party} has not answered\"", "\"{pos.party} has no");

        Assert.Empty(Complete(text, at));
    }

    [Fact]
    public void GetCompletions_AfterIdEqualsUnderCondition_ConditionIds()
    {
        var (text, at) = Edit(RuleText, "id == \"answer-pending\"", "id == \"");

        var items = Complete(text, at);

        Assert.Contains("answer-pending", Labels(items));
        Assert.Contains("ceasefire-in-force", Labels(items)); // the built-in rules derive it
        Assert.All(items, i => Assert.Equal(AuthoringCompletionKind.ConditionId, i.Kind));
    }

    [Fact]
    public void GetCompletions_AfterFact_FactTypes()
    {
        var (text, at) = Edit(RuleText, "fact: Position", "fact: Po");

        var labels = Labels(Complete(text, at));

        Assert.Contains("Position", labels);
        Assert.Contains("Condition", labels);
        Assert.Contains("Today", labels);
    }

    [Fact]
    public void GetCompletions_KeysByPosition()
    {
        var rule = Edit(RuleText, "    title: Chase a pending answer\n", "    ti‸\n");
        Assert.Contains("title", Labels(Complete(rule.Text, rule.Position)));
        Assert.DoesNotContain("when", Labels(Complete(rule.Text, rule.Position))); // already there

        var element = Edit(RuleText, "        having: n >= 2\n", "        ha‸\n");
        Assert.Equal(["where", "distinct", "atLeast", "having"], Labels(Complete(element.Text, element.Position)));

        var item = Edit(RuleText, "      - count: Party\n", "      - ‸\n      - count: Party\n");
        var itemKeys = Labels(Complete(item.Text, item.Position));
        Assert.Contains("fact", itemKeys);
        Assert.Contains("count", itemKeys);
        Assert.Contains("aggregate", itemKeys); // issue 13
        Assert.Contains("let", itemKeys);

        var aggregate = Edit(RuleText, "      - count: Party\n", "      - aggregate: Party\n        gr‸\n");
        Assert.Contains("groupBy", Labels(Complete(aggregate.Text, aggregate.Position)));
        Assert.Contains("compute", Labels(Complete(aggregate.Text, aggregate.Position)));

        var action = Edit(RuleText, "        text: \"{pos.party} has not answered\"\n", "        se‸\n");
        Assert.Contains("severity", Labels(Complete(action.Text, action.Position)));

        var root = Edit(RuleText, "version: 1\n", "ver‸\n");
        Assert.Equal(["version", "enums", "types"], Labels(Complete(root.Text, root.Position))); // ruleset and rules are there
    }

    [Fact]
    public void GetCompletions_Severity_Values()
    {
        var (text, at) = Edit(RuleText, "        subject: \"{p.id}\"\n", "        severity: ‸\n");

        Assert.Equal(["info", "warning", "critical"], Labels(Complete(text, at)));
    }

    [Fact]
    public void GetCompletions_WhileRuleHasStructuralError_RemembersScope()
    {
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, RuleText);
        Assert.Empty(workspace.GetDiagnostics(RulesPath));

        // A key half typed in the same rule: the loader drops the rule, its where is not bound this time.
        var edited = RuleText.Replace("      - count: Party\n", "        wh\n      - count: Party\n", StringComparison.Ordinal);
        var (text, at) = Edit(edited, "proposal == p.id", "proposal == p.");

        Assert.Contains("proposedBy", Labels(workspace.WithDocument(RulesPath, text).GetCompletions(RulesPath, at)));
    }

    [Fact]
    public void GetCompletions_WhileTheYamlDoesNotParse_RemembersScopeAcrossShiftedLines()
    {
        var workspace = AuthoringWorkspace.Create().WithDocument(RulesPath, RuleText);
        Assert.Empty(workspace.GetDiagnostics(RulesPath));

        // A line half typed above the where: the file is no longer valid YAML and every line below moved by one.
        var edited = RuleText.Replace("      - fact: Position\n", "  wh\n      - fact: Position\n", StringComparison.Ordinal);
        var (text, at) = Edit(edited, "proposal == p.id", "proposal == p.");
        var changed = workspace.WithDocument(RulesPath, text);

        Assert.Contains(changed.GetDiagnostics(RulesPath), d => d.Diagnostic.Code == "SG0101");
        Assert.Contains("proposedBy", Labels(changed.GetCompletions(RulesPath, at)));
    }

    [Fact]
    public void GetCompletions_ScenarioPartyKey_PartiesOfScenario()
    {
        var (text, at) = Edit(ScenarioText, "party: UA", "party: ");

        var items = Complete(text, at, ScenarioPath);

        Assert.Equal(["UA", "RU"], Labels(items));
        Assert.All(items, i => Assert.Equal(AuthoringCompletionKind.FactKey, i.Kind));
    }

    [Fact]
    public void GetCompletions_ScenarioProposalKeyAndEnum()
    {
        var proposal = Edit(ScenarioText, "proposal: jeddah-ceasefire", "proposal: ");
        Assert.Equal(["jeddah-ceasefire"], Labels(Complete(proposal.Text, proposal.Position, ScenarioPath)));

        var stance = Edit(ScenarioText, "stance: accepted", "stance: ");
        Assert.Equal(6, Complete(stance.Text, stance.Position, ScenarioPath).Count);

        var flow = Edit(ScenarioText, "kind: state, roles: [belligerent] }\n    - { id: RU", "kind: st");
        Assert.Contains("state", Labels(Complete(flow.Text, flow.Position, ScenarioPath)));
    }

    [Fact]
    public void GetCompletions_ScenarioKeys()
    {
        var types = Edit(ScenarioText, "  Position:\n", "  Pos‸\n");
        var labels = Labels(Complete(types.Text, types.Position, ScenarioPath));
        Assert.Contains("Position", labels);
        Assert.DoesNotContain("Condition", labels);

        var fields = Edit(ScenarioText, "      stance: accepted\n", "      st‸\n");
        Assert.Equal(["stance", "conditions", "since"], Labels(Complete(fields.Text, fields.Position, ScenarioPath)));
    }

    [Fact]
    public void GetCompletions_ActionKeys_OfTheActionKind()
    {
        var condition = Edit(RuleText, "        text: \"{pos.party} has not answered\"\n", "        ‸\n");
        var conditionKeys = Labels(Complete(condition.Text, condition.Position));
        Assert.Equal(["parties", "severity", "text"], conditionKeys); // subject is there already

        var nextStep = Edit(RuleText, "        subject: \"{c.subject}\"", "        subject: \"{c.subject}\"\n        ‸");
        Assert.Equal(["actor", "text", "priority"], Labels(Complete(nextStep.Text, nextStep.Position)));
    }

    [Fact]
    public void GetCompletions_ExpectItemMaps_KeysIdsAndParties()
    {
        var block = ScenarioText + "expect:\n  only: true\n  conditions:\n    - id: answer-pending\n      ‸\n  nextSteps:\n    - { id: ‸";
        var text = block.Replace("‸", "", StringComparison.Ordinal);
        var first = block.IndexOf('‸');
        var second = block.LastIndexOf('‸') - 1;
        TextPosition At(int index) => new(text[..index].Count(c => c == '\n') + 1, index - text.LastIndexOf('\n', index - 1));

        Assert.Equal(["subject", "parties"], Labels(Complete(text, At(first), ScenarioPath)));
        var ids = Complete(text, At(second), ScenarioPath);
        Assert.Contains("respond-to-ceasefire", Labels(ids)); // the built-in rules derive it
        Assert.All(ids, i => Assert.Equal(AuthoringCompletionKind.NextStepId, i.Kind));

        var parties = ScenarioText + "expect:\n  conditions:\n    - { id: answer-pending, parties: [";
        Assert.Equal(["UA", "RU"], Labels(Complete(parties, new TextPosition(parties.Count(c => c == '\n') + 1, parties.Length - parties.LastIndexOf('\n')), ScenarioPath)));

        var keys = ScenarioText + "expect:\n  ";
        Assert.Equal(["conditions", "nextSteps", "absent", "only"], Labels(Complete(keys, new TextPosition(keys.Count(c => c == '\n') + 1, 3), ScenarioPath)));
    }

    [Fact]
    public void GetCompletions_UnderInsert_TypesRulesMayInsertThenTheirFields()
    {
        var type = Edit(RuleText, "      - nextStep: chase-answer\n        subject: \"{c.subject}\"", "      - insert:\n          Po‸");
        var labels = Labels(Complete(type.Text, type.Position));
        Assert.Contains("Position", labels);
        Assert.Contains("Proposal", labels);
        Assert.DoesNotContain("Condition", labels); // derived by rules: SG0311 if inserted
        Assert.DoesNotContain("Today", labels);

        var field = Edit(RuleText, "      - nextStep: chase-answer\n        subject: \"{c.subject}\"", "      - insert:\n          Position:\n            party: UA\n            st‸");
        Assert.Contains("stance", Labels(Complete(field.Text, field.Position)));
        Assert.DoesNotContain("party", Labels(Complete(field.Text, field.Position)));
    }

    [Fact]
    public void AllServices_EveryPrefixOfTheFixtures_NeverThrow()
    {
        var aggregates = Support.TestPaths.Repo("examples/aggregates/rules/army-caps.yaml");
        foreach (var (path, full) in new[] { (RulesPath, RuleText), (ScenarioPath, ScenarioText), (aggregates, File.ReadAllText(aggregates)) })
        {
            for (var length = 0; length <= full.Length; length += 7)
            {
                var text = full[..length];
                var workspace = AuthoringWorkspace.Create().WithDocument(path, text);
                var lines = text.Split('\n');
                var end = new TextPosition(lines.Length, lines[^1].Length + 1);
                workspace.GetDiagnostics(path);
                workspace.GetCompletions(path, end);
                workspace.GetHover(path, end);
                workspace.GetDefinitions(path, end);
                workspace.GetReferences(path, end);
                workspace.GetDocumentSymbols(path);
                if (length % 49 == 0)
                {
                    workspace.GetLintDiagnostics(path); // compiles the rule set: on every 7th prefix only
                }
            }
        }
    }
}
