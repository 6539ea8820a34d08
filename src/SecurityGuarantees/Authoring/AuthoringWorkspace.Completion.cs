using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

// Completion: YAML keys and values by position, and the expression language inside where:, having:, each:, let:,
// compute: and templates.
public sealed partial class AuthoringWorkspace
{
    /// <summary>
    /// Completion at a position of an open document: YAML keys by position; fact types after <c>fact:</c>,
    /// <c>count:</c> and <c>insert:</c>; inside <c>where:</c>, <c>having:</c> and templates the pattern type's fields,
    /// the bindings in scope and their fields, functions, and enum values after <c>==</c>, <c>!=</c> and <c>in</c>;
    /// condition and next-step ids after <c>id ==</c>; the scenario's fact keys for fields that hold one.
    /// The client filters by what is typed.
    /// </summary>
    /// <param name="path">The document's path.</param>
    /// <param name="position">The cursor.</param>
    public IReadOnlyList<AuthoringCompletion> GetCompletions(string path, TextPosition position)
    {
        if (!_documents.TryGetValue(path, out var text))
        {
            return [];
        }

        var lines = new SourceLines(text);
        var context = YamlOutline.At(lines, position);
        return KindOf(text) == AuthoringDocumentKind.Rules
            ? CompleteRuleFile(path, text, context, position)
            : CompleteScenario(path, text, context);
    }

    private IReadOnlyList<AuthoringCompletion> CompleteRuleFile(string path, string text, YamlContext context, TextPosition position)
    {
        var at = context.Path;
        var types = Types;
        if (context.IsKeyPosition)
        {
            if (at.Count == 0)
            {
                return Keys(FileFormat.RuleFileKeys, context);
            }

            if (at[0] == "types")
            {
                return DeclarationKeys(at, context);
            }

            if (at[0] != "rules")
            {
                return [];
            }

            if (at.Count == 1)
            {
                return Keys(FileFormat.RuleKeys, context);
            }

            var insert = IndexOf(at, "insert");
            if (at.Contains("then"))
            {
                return insert == at.Count - 1 ? FactTypes(t => t.Role == FactTypeRole.Scenario)
                    : insert >= 0 && insert == at.Count - 2 && types.Find(at[^1]) is { } inserted ? FieldKeys(inserted, context)
                    : at[^1] == "then" ? Keys(FileFormat.ActionKeysBesides(context.Siblings.Keys), context) : [];
            }

            return FileFormat.ElementContainers.Contains(at[^1]) ? Keys(FileFormat.ElementKeysBesides(context.Siblings.Keys), context) : [];
        }

        if (at.Count > 0 && at[0] == "types")
        {
            return DeclarationValues(at, context);
        }

        if (at.Count > 0 && at[^1] == "compute" && at.Contains("when"))
        {
            return ComputeCompletion.Complete(new SourceLines(text), context, types, ConclusionIds);
        }

        switch (context.Key)
        {
            case "fact" or "count" or "aggregate" when at.Contains("when"):
                return FactTypes(_ => true);
            case "insert" when at.Contains("then"):
                return FactTypes(t => t.Role == FactTypeRole.Scenario);
            case "groupBy" when at.Contains("when") && ComputeCompletion.ElementType(context, types, "aggregate") is { } grouped:
                return [.. ExpressionCompletion.Fields(grouped).Where(f => grouped.FindField(f.Label) is { IsList: false })];
            case "distinct" when at.Contains("when") && ComputeCompletion.ElementType(context, types, "count") is { } counted:
                return ExpressionCompletion.Fields(counted);
            case "severity":
                return [.. FileFormat.Severities.Select(s => new AuthoringCompletion(s, AuthoringCompletionKind.EnumValue, "severity"))];
            case "condition" when at.Contains("then"):
                return [.. ConclusionIds.Conditions.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.ConditionId, "condition"))];
            case "nextStep" when at.Contains("then"):
                return [.. ConclusionIds.NextSteps.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.NextStepId, "next step"))];
        }

        if (FindScope(path, text, context.KeyLine, position) is not { } scope)
        {
            return [];
        }

        var prefix = context.ValuePrefix;
        if (scope.Kind == ExpressionScopeKind.Template)
        {
            prefix = ExpressionCompletion.TemplateHole(prefix) ?? "";
            if (ExpressionCompletion.TemplateHole(context.ValuePrefix) is null)
            {
                return [];
            }
        }
        else if (prefix.StartsWith('\''))
        {
            prefix = prefix[1..];
        }

        return ExpressionCompletion.Complete(prefix, scope.Scope, ConclusionIds);
    }

    /// <summary>Keys under <c>types:</c>: a declared type's keys; under its <c>defaults:</c>, its fields.</summary>
    private IReadOnlyList<AuthoringCompletion> DeclarationKeys(IReadOnlyList<string> at, YamlContext context) => at switch
    {
        ["types", _] => Keys(FileFormat.TypeDeclarationKeys, context),
        ["types", var name, "defaults"] when DeclaredType(name) is { } declared => FieldKeys(declared, context),
        _ => [],
    };

    /// <summary>
    /// Values under <c>types:</c>: a field's type under <c>fields:</c> (the scalar types, <c>list&lt;T&gt;</c>, declared
    /// enums and built-in enums by their YAML names), the fields after <c>key:</c>, a default's enum values.
    /// </summary>
    private IReadOnlyList<AuthoringCompletion> DeclarationValues(IReadOnlyList<string> at, YamlContext context)
    {
        var declared = at.Count >= 2 ? DeclaredType(at[1]) : null;
        switch (at)
        {
            case ["types", _, "fields"]:
                var enums = Types.DeclaredEnums.Values.Select(e => (e.Name, Detail: "declared enum"))
                    .Concat(Types.BuiltInEnums.Values.Select(e => (Name: e.YamlName, Detail: $"built-in enum {e.Name}")))
                    .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
                IEnumerable<(string Name, string Detail)> scalars = [.. FileFormat.ScalarFieldTypes.Select(t => (t, "field type")), .. enums];
                return [.. scalars.Select(t => new AuthoringCompletion(t.Name, AuthoringCompletionKind.FactType, t.Detail)),
                    .. scalars.Select(t => new AuthoringCompletion($"list<{t.Name}>", AuthoringCompletionKind.FactType, $"list of {t.Name}"))];
            case ["types", _] when context.Key == "key" && declared is not null:
                return [.. declared.Fields.Where(f => !f.IsList).Select(f => new AuthoringCompletion(f.Name, AuthoringCompletionKind.Field, ExpressionCompletion.FieldType(f)))];
            case ["types", _, "defaults"] when declared?.FindField(context.Key!) is { } field:
                return field.Enum is { } values ? [.. values.Names.Select(n => new AuthoringCompletion(n, AuthoringCompletionKind.EnumValue, $"enum {values.Name}"))]
                    : field.ElementKind == FieldKind.Bool ? [new("true", AuthoringCompletionKind.Keyword), new("false", AuthoringCompletionKind.Keyword)] : [];
            default:
                return [];
        }
    }

    private FactTypeDescriptor? DeclaredType(string name) =>
        Types.Find(name) is { IsDeclared: true } declared ? declared : _cache.RememberedDeclaredType(name);

    private IReadOnlyList<AuthoringCompletion> CompleteScenario(string path, string text, YamlContext context)
    {
        var at = context.Path;
        var types = Types;
        var factType = at.Count == 2 && at[0] == "facts" ? at[1]
            : at.Count == 3 && at[0] == "timeline" && at[1] is "insert" or "update" or "retract" ? at[2] : null;
        var expected = at.Count > 0 && at.Contains("expect") && at[^1] is "conditions" or "nextSteps" ? at[^1] : null;
        if (context.IsKeyPosition)
        {
            // An item of expect: conditions/nextSteps is an id, or a map ({ id, subject, parties } / { id, actor, subject }).
            var inMap = context.Siblings.Count > 0;
            if (expected == "conditions" || (at.Count > 0 && at[^1] == "absent" && !inMap))
            {
                return inMap ? Keys(FileFormat.ExpectedConditionKeys, context)
                    : [.. ConclusionIds.Conditions.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.ConditionId, "condition"))];
            }

            if (expected == "nextSteps")
            {
                return inMap ? Keys(FileFormat.ExpectedNextStepKeys, context)
                    : [.. ConclusionIds.NextSteps.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.NextStepId, "next step"))];
            }

            return at switch
            {
                [] => Keys(FileFormat.ScenarioKeys, context),
                ["facts"] or ["timeline", "insert" or "update" or "retract"] => FactTypes(t => t.Role == FactTypeRole.Scenario),
                ["expect"] or ["timeline", "expect"] => Keys(FileFormat.ExpectKeys, context),
                ["timeline"] => Keys(FileFormat.StepKeys, context),
                _ when factType is not null && types.Find(factType) is { } type => FieldKeys(type, context),
                _ => [],
            };
        }

        if (expected is not null)
        {
            return context.Key switch
            {
                "id" when expected == "conditions" => [.. ConclusionIds.Conditions.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.ConditionId, "condition"))],
                "id" => [.. ConclusionIds.NextSteps.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.NextStepId, "next step"))],
                "parties" or "actor" when types.Find("Party") is { } party => FactKeys(path, text, context.KeyLine, party),
                _ => [],
            };
        }

        if (factType is null || types.Find(factType)?.FindField(context.Key!) is not { } field)
        {
            return [];
        }

        if (field.ElementKind == FieldKind.Enum)
        {
            return [.. field.Enum!.Names
                .Select(n => new AuthoringCompletion(n, AuthoringCompletionKind.EnumValue, $"enum {field.Enum.Name}"))];
        }

        if (field.Kind == FieldKind.Bool)
        {
            return [new("true", AuthoringCompletionKind.Keyword), new("false", AuthoringCompletionKind.Keyword)];
        }

        if (KeyTarget(field) is { } target)
        {
            return FactKeys(path, text, context.KeyLine, target);
        }

        return [];
    }

    /// <summary>
    /// The keys of the scenario's facts of <paramref name="type"/>. Mid-edit the file often is not valid YAML (an
    /// unclosed <c>[</c> or <c>{</c>): then the text above the line being edited is read, where the facts usually are.
    /// </summary>
    private IReadOnlyList<AuthoringCompletion> FactKeys(string path, string text, int line, FactTypeDescriptor type)
    {
        var analysis = ScenarioOf(path, text);
        if (analysis.Tree is null && line > 1)
        {
            var lines = new SourceLines(text);
            analysis = ScenarioAnalysis.Analyze(path, string.Join("\n", Enumerable.Range(1, line - 1).Select(i => lines[i])), Types);
        }

        return [.. analysis.KeysOf(type).Select(k => k.Key).Distinct(StringComparer.Ordinal)
            .Select(k => new AuthoringCompletion(k, AuthoringCompletionKind.FactKey, type.Name))];
    }

    /// <summary>
    /// The fact type whose key a text field holds, by name: <c>proposal</c> holds a Proposal's id, <c>party</c> and
    /// <c>parties</c> a Party's.
    /// </summary>
    internal FactTypeDescriptor? KeyTarget(FactFieldDescriptor field)
    {
        if (field.ElementKind != FieldKind.String)
        {
            return null;
        }

        var name = field.Name;
        string[] candidates = [name, name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y" : name.TrimEnd('s')];
        return Types.All.FirstOrDefault(t => t.Role == FactTypeRole.Scenario && t.KeyFields.Count == 1
            && candidates.Any(c => string.Equals(c, t.Name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The scope the binder recorded for the expression or template whose key is on <paramref name="keyLine"/>.</summary>
    private ExpressionScope? FindScope(string path, string text, int keyLine, TextPosition position)
    {
        var found = FindScope(RulesOf(path, text), keyLine, position);
        if (found is null && LineRepair.Repair(new SourceLines(text), position.Line) is { } repaired)
        {
            found = FindScope(RuleFileAnalysis.Analyze(path, repaired, Types), keyLine, position);
        }

        return found ?? _cache.RememberedScope(path, text, keyLine);
    }

    private static ExpressionScope? FindScope(RuleFileAnalysis analysis, int keyLine, TextPosition position)
    {
        var candidates = analysis.Scopes.Entries.Where(e => e.Text.Location.Line == keyLine || e.Text.Location.Line == keyLine + 1).ToList();
        var onLine = candidates.Where(e => e.Text.Location.Line == keyLine && e.Text.Location.Column <= position.Column + 1)
            .OrderByDescending(e => e.Text.Location.Column).FirstOrDefault();
        return onLine ?? candidates.FirstOrDefault();
    }

    private IReadOnlyList<AuthoringCompletion> FactTypes(Func<FactTypeDescriptor, bool> filter) =>
        [.. Types.All.Where(filter).Select(t => new AuthoringCompletion(t.Name, AuthoringCompletionKind.FactType, RoleName(t.Role)))];

    private static string RoleName(FactTypeRole role) => role switch
    {
        FactTypeRole.Scenario => "scenario fact type",
        FactTypeRole.Derived => "derived by rules",
        _ => "built in",
    };

    private static IReadOnlyList<AuthoringCompletion> Keys(IEnumerable<string> keys, YamlContext context) =>
        [.. keys.Where(k => !context.Siblings.ContainsKey(k)).Select(k => new AuthoringCompletion(k, AuthoringCompletionKind.Key, null, k + ": "))];

    private static IReadOnlyList<AuthoringCompletion> FieldKeys(FactTypeDescriptor type, YamlContext context) =>
        [.. type.Fields.Where(f => !context.Siblings.ContainsKey(f.Name))
            .Select(f => new AuthoringCompletion(f.Name, AuthoringCompletionKind.Field, $"{ExpressionCompletion.FieldType(f)} — {type.Name}", f.Name + ": "))];

    private static int IndexOf(IReadOnlyList<string> path, string key)
    {
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (path[i] == key)
            {
                return i;
            }
        }

        return -1;
    }
}
