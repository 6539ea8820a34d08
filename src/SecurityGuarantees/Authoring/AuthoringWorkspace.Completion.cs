using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

// Completion: YAML keys and values by position, and the expression language inside where:, having:, each: and templates.
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
        var types = _cache.Types;
        if (context.IsKeyPosition)
        {
            if (at.Count == 0)
            {
                return Keys(FileFormat.RuleFileKeys, context);
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
                return insert == at.Count - 1 ? FactTypes(t => t.Role != FactTypeRole.Scenario)
                    : insert >= 0 && insert == at.Count - 2 && types.Find(at[^1]) is { } inserted ? FieldKeys(inserted, context)
                    : at[^1] == "then" ? Keys(FileFormat.ActionKeys, context) : [];
            }

            return FileFormat.ElementContainers.Contains(at[^1]) ? Keys(FileFormat.ElementKeysBesides(context.Siblings.Keys), context) : [];
        }

        switch (context.Key)
        {
            case "fact" or "count" or "aggregate" when at.Contains("when"):
                return FactTypes(_ => true);
            case "insert" when at.Contains("then"):
                return FactTypes(t => t.Role != FactTypeRole.Scenario);
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

    private IReadOnlyList<AuthoringCompletion> CompleteScenario(string path, string text, YamlContext context)
    {
        var at = context.Path;
        var types = _cache.Types;
        var factType = at.Count == 2 && at[0] == "facts" ? at[1]
            : at.Count == 3 && at[0] == "timeline" && at[1] is "insert" or "update" or "retract" ? at[2] : null;
        if (context.IsKeyPosition)
        {
            if (at.Count > 0 && at[^1] is "conditions" or "absent")
            {
                return [.. ConclusionIds.Conditions.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.ConditionId, "condition"))];
            }

            if (at.Count > 0 && at[^1] == "nextSteps")
            {
                return [.. ConclusionIds.NextSteps.Select(id => new AuthoringCompletion(id, AuthoringCompletionKind.NextStepId, "next step"))];
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

        if (factType is null || types.Find(factType)?.FindField(context.Key!) is not { } field)
        {
            return [];
        }

        if (field.ElementKind == FieldKind.Enum)
        {
            return [.. field.Enum!.Names
                .Select(n => new AuthoringCompletion(n, AuthoringCompletionKind.EnumValue, $"enum {field.ScalarType.Name}"))];
        }

        if (field.Kind == FieldKind.Bool)
        {
            return [new("true", AuthoringCompletionKind.Keyword), new("false", AuthoringCompletionKind.Keyword)];
        }

        if (KeyTarget(field) is { } target)
        {
            return [.. _cache.Scenario(path, text).KeysOf(target).Select(k => k.Key).Distinct(StringComparer.Ordinal)
                .Select(k => new AuthoringCompletion(k, AuthoringCompletionKind.FactKey, target.Name))];
        }

        return [];
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
        return _cache.Types.All.FirstOrDefault(t => t.Role == FactTypeRole.Scenario && t.KeyFields.Count == 1
            && candidates.Any(c => string.Equals(c, t.Name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The scope the binder recorded for the expression or template whose key is on <paramref name="keyLine"/>.</summary>
    private ExpressionScope? FindScope(string path, string text, int keyLine, TextPosition position)
    {
        var found = FindScope(_cache.Rules(path, text), keyLine, position);
        if (found is null && LineRepair.Repair(new SourceLines(text), position.Line) is { } repaired)
        {
            found = FindScope(RuleFileAnalysis.Analyze(path, repaired, _cache.Types), keyLine, position);
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
        [.. _cache.Types.All.Where(filter).Select(t => new AuthoringCompletion(t.Name, AuthoringCompletionKind.FactType, RoleName(t.Role)))];

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
