using System.Text;
using System.Text.RegularExpressions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.RuleGraphs;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

// Hover, go to definition and find references: resolve the word under the cursor, then answer from the loaded rules.
public sealed partial class AuthoringWorkspace
{
    /// <summary>
    /// What hovering shows: a field's type and description, a binding's type, a rule's title and description, a
    /// condition's or next step's deriving and reading rules, a fact type's fields. <see langword="null"/> over anything else.
    /// </summary>
    /// <param name="path">The document's path.</param>
    /// <param name="position">The cursor.</param>
    public AuthoringHover? GetHover(string path, TextPosition position)
    {
        var target = Resolve(path, position);
        return target is null ? null : new AuthoringHover(HoverText(target), target.Range);
    }

    /// <summary>
    /// Go to definition: a binding goes to the pattern that binds it; a condition or next-step id to the rules that
    /// derive it; a key in a scenario to the fact it names.
    /// </summary>
    /// <param name="path">The document's path.</param>
    /// <param name="position">The cursor.</param>
    public IReadOnlyList<AuthoringLocation> GetDefinitions(string path, TextPosition position) => Resolve(path, position) switch
    {
        NavigationTarget.Binding binding => BindingDefinition(binding.Owner, binding.File, binding.Scope.Name),
        NavigationTarget.Aggregate aggregate => BindingDefinition(aggregate.Owner, aggregate.File, aggregate.Name),
        NavigationTarget.Conclusion conclusion => Derivers(conclusion).Select(d => Locate(d.File, d.Action switch
        {
            ConditionActionSyntax c => c.Id.Location,
            NextStepActionSyntax n => n.Id.Location,
            _ => d.Action.Location,
        })).ToList(),
        NavigationTarget.FactKey key => [.. ScenarioOf(path, _documents[path]).KeysOf(key.Type).Where(k => k.Key == key.Key).Select(k => Locate(path, k.Location))],
        NavigationTarget.Rule rule => [Locate(rule.File, rule.Syntax.Location)],
        NavigationTarget.FactType { Type.Declaration: { } declaration } => [Declaration(declaration)],
        _ => [],
    };

    /// <summary>Find references: the rules that read a condition, a next step or a field.</summary>
    /// <param name="path">The document's path.</param>
    /// <param name="position">The cursor.</param>
    public IReadOnlyList<AuthoringLocation> GetReferences(string path, TextPosition position) => Resolve(path, position) switch
    {
        NavigationTarget.Conclusion conclusion => [.. Readers(conclusion).Select(r => Locate(r.File, r.Location))],
        NavigationTarget.Field field => [.. RuleAnalyses.SelectMany(a => FieldReadFinder.Reads(a, field.Type, field.Descriptor.Name, Types).Select(l => Locate(a.File, l)))],
        _ => [],
    };

    private NavigationTarget? Resolve(string path, TextPosition position)
    {
        if (!_documents.TryGetValue(path, out var text))
        {
            return null;
        }

        var lines = new SourceLines(text);
        if (lines.WordAt(position, withDots: true) is not { } dotted || lines.WordAt(position) is not { } word)
        {
            return null;
        }

        var context = YamlOutline.At(lines, dotted.Range.Start);
        return KindOf(text) == AuthoringDocumentKind.Rules
            ? ResolveInRules(path, text, lines, context, word, dotted)
            : ResolveInScenario(path, text, context, word, dotted);
    }

    private NavigationTarget? ResolveInRules(string path, string text, SourceLines lines, YamlContext context,
        (string Word, TextRange Range) word, (string Word, TextRange Range) dotted)
    {
        var analysis = RulesOf(path, text);
        if (!context.IsKeyPosition && context.Path is ["types", _, "fields"])
        {
            // A field's type: hover shows an enum's values.
            return (Types.DeclaredEnums.GetValueOrDefault(word.Word) ?? Types.BuiltInEnums.GetValueOrDefault(word.Word)) is { } named
                ? new NavigationTarget.Enum(word.Range, named) : null;
        }

        if (context.IsKeyPosition && context.Path is ["types", ..])
        {
            // A declaration: the type's name, or one of its fields (under fields: or defaults:).
            return context.Path switch
            {
                ["types"] when Types.Find(word.Word) is { IsDeclared: true } declared => new NavigationTarget.FactType(word.Range, declared),
                ["types", var name, "fields" or "defaults"] when Types.Find(name) is { IsDeclared: true } owner && owner.FindField(word.Word) is { } declaredField =>
                    new NavigationTarget.Field(word.Range, owner, declaredField),
                _ => null,
            };
        }

        switch (context.Key)
        {
            case "id" when context.Path is ["rules"]:
                return analysis.Rules.FirstOrDefault(r => r.Id == dotted.Word) is { } rule ? new NavigationTarget.Rule(dotted.Range, rule, path) : null;
            case "condition" or "nextStep" when context.Path.Contains("then"):
                return new NavigationTarget.Conclusion(dotted.Range, dotted.Word, context.Key == "nextStep");
            case "fact" or "count" or "aggregate" or "insert":
                return Types.Find(word.Word) is { } type ? new NavigationTarget.FactType(word.Range, type) : null;
            case "groupBy" or "distinct" when ComputeCompletion.ElementType(context, Types, context.Key == "groupBy" ? "aggregate" : "count") is { } element:
                return element.FindField(word.Word) is { } grouped ? new NavigationTarget.Field(word.Range, element, grouped) : null;
        }

        // A compute: argument is an expression over the aggregated fact alone.
        if (!context.IsKeyPosition && context.Path.Count > 0 && context.Path[^1] == "compute")
        {
            return ComputeCompletion.AggregatedType(lines, context, Types) is { } aggregated && aggregated.FindField(word.Word) is { } computed
                ? new NavigationTarget.Field(word.Range, aggregated, computed) : null;
        }

        if (context.IsKeyPosition && context.Path.Count > 0 && context.Path[^1] == "insert" && Types.Find(word.Word) is { } inserted)
        {
            return new NavigationTarget.FactType(word.Range, inserted);
        }

        if (context.Key is null || FindScope(path, text, context.KeyLine, word.Range.Start) is not { } scope)
        {
            return null;
        }

        var before = lines.Prefix(word.Range.Start);
        if (ConditionIdString().IsMatch(before) && scope.Scope.CurrentFact?.Name is "Condition" or "NextStep")
        {
            return new NavigationTarget.Conclusion(dotted.Range, dotted.Word, scope.Scope.CurrentFact.Name == "NextStep");
        }

        if (MemberTarget().Match(before) is { Success: true } member)
        {
            // An aggregate's result (caps.lowest) is a binding of its own; a fact binding's member is a field.
            if (scope.Scope.Bindings.TryGetValue($"{member.Groups[1].Value}.{word.Word}", out var result))
            {
                return new NavigationTarget.Binding(dotted.Range, result, RuleAt(analysis, word.Range.Start.Line), path);
            }

            return scope.Scope.Bindings.TryGetValue(member.Groups[1].Value, out var owner) && owner.Fact?.FindField(word.Word) is { } field
                ? new NavigationTarget.Field(word.Range, owner.Fact, field) : null;
        }

        var results = scope.Scope.Bindings.Values.Where(b => b.Name.StartsWith(word.Word + ".", StringComparison.Ordinal)).ToList();
        if (results.Count > 0)
        {
            return new NavigationTarget.Aggregate(word.Range, word.Word, results, RuleAt(analysis, word.Range.Start.Line), path);
        }

        if (scope.Scope.CurrentFact?.FindField(word.Word) is { } own)
        {
            return new NavigationTarget.Field(word.Range, scope.Scope.CurrentFact, own);
        }

        return scope.Scope.Bindings.TryGetValue(word.Word, out var binding)
            ? new NavigationTarget.Binding(word.Range, binding, RuleAt(analysis, word.Range.Start.Line), path) : null;
    }

    private NavigationTarget? ResolveInScenario(string path, string text, YamlContext context, (string Word, TextRange Range) word,
        (string Word, TextRange Range) dotted)
    {
        var at = context.Path;
        var typeName = at.Count == 2 && at[0] == "facts" ? at[1] : at.Count == 3 && at[0] == "timeline" ? at[2] : null;
        var type = typeName is null ? null : Types.Find(typeName);
        if (context.IsKeyPosition)
        {
            if (at.Count > 0 && at[^1] is "conditions" or "absent" or "nextSteps")
            {
                return new NavigationTarget.Conclusion(dotted.Range, dotted.Word, at[^1] == "nextSteps");
            }

            if (at is ["facts"] && Types.Find(word.Word) is { } factType)
            {
                return new NavigationTarget.FactType(word.Range, factType);
            }

            return type?.FindField(word.Word) is { } field ? new NavigationTarget.Field(word.Range, type, field) : null;
        }

        if (type?.FindField(context.Key!) is { } valueField && KeyTarget(valueField) is { } target)
        {
            return new NavigationTarget.FactKey(dotted.Range, target, dotted.Word);
        }

        return context.Key == "id" && at.Count > 0 && at[^1] is "conditions" or "absent" or "nextSteps"
            ? new NavigationTarget.Conclusion(dotted.Range, dotted.Word, at[^1] == "nextSteps") : null;
    }

    private string HoverText(NavigationTarget target)
    {
        var text = new StringBuilder();
        switch (target)
        {
            case NavigationTarget.Rule rule:
                text.Append($"**rule** `{rule.Syntax.Id}`");
                AppendParagraph(text, rule.Syntax.Title);
                AppendParagraph(text, rule.Syntax.Description);
                break;
            case NavigationTarget.Conclusion conclusion:
                text.Append($"**{(conclusion.IsNextStep ? "next step" : "condition")}** `{conclusion.Id}`\n\nderived by: ");
                text.Append(string.Join(", ", Derivers(conclusion).Select(d => $"`{d.Rule.Id}`").Distinct(StringComparer.Ordinal).DefaultIfEmpty("no loaded rule")));
                var readers = Readers(conclusion).Select(r => $"`{r.Rule}`").Distinct(StringComparer.Ordinal).ToList();
                if (readers.Count > 0)
                {
                    text.Append($"\n\nread by: {string.Join(", ", readers)}");
                }

                break;
            case NavigationTarget.Field field:
                text.Append($"**field** `{field.Type.Name}.{field.Descriptor.Name}`: {ExpressionCompletion.FieldType(field.Descriptor)}");
                if (field.Descriptor.IsKey)
                {
                    text.Append(" (key)");
                }

                AppendParagraph(text, field.Descriptor.Property is { } property ? MemberDocumentation.Summary(property) : null);
                break;
            case NavigationTarget.Binding binding:
                text.Append($"**binding** `{binding.Scope.Name}`: ");
                text.Append(binding.Scope.Fact is { } fact ? $"{fact.Name} fact" : ScalarName(binding.Scope.ScalarType));
                break;
            case NavigationTarget.Aggregate aggregate:
                text.Append($"**aggregate** `{aggregate.Name}`\n\n");
                text.Append(string.Join("\n", aggregate.Results.Select(r => $"- `{r.Name}`: {ScalarName(r.ScalarType)}")));
                break;
            case NavigationTarget.Enum values:
                text.Append($"**enum** `{(values.Values.IsDeclared ? values.Values.Name : values.Values.YamlName)}`{(values.Values.IsDeclared ? " (declared)" : $" ({values.Values.Name})")}\n\n");
                text.Append(string.Join(", ", values.Values.Names.Select(n => $"`{n}`")));
                break;
            case NavigationTarget.FactType type:
                text.Append($"**fact type** `{type.Type.Name}`{(type.Type.IsDeclared ? " (declared)" : "")}");
                AppendParagraph(text, type.Type.Declaration?.Description);
                text.Append("\n\n");
                text.Append(string.Join("\n", type.Type.Fields.Select(f => $"- `{f.Name}`: {ExpressionCompletion.FieldType(f)}{(f.IsKey ? " (key)" : "")}")));
                break;
            case NavigationTarget.FactKey key:
                text.Append($"**{key.Type.Name}** `{key.Key}`");
                break;
        }

        return text.ToString();
    }

    /// <summary>How a bound value's type reads (<c>number</c>, <c>list of string</c>), or <c>value</c> when unknown.</summary>
    private static string ScalarName(Type? type)
    {
        if (type is null)
        {
            return "value";
        }

        var element = type != typeof(string) && type.IsArray ? type.GetElementType()! : null;
        var scalar = Nullable.GetUnderlyingType(element ?? type) ?? element ?? type;
        var name = Expressions.ExprType.OfScalar(scalar)?.ToString() ?? scalar.Name;
        return element is null ? name : $"list of {name}";
    }

    private static void AppendParagraph(StringBuilder text, string? paragraph)
    {
        if (!string.IsNullOrWhiteSpace(paragraph))
        {
            text.Append("\n\n").Append(paragraph.Trim());
        }
    }

    /// <summary>The actions that derive a condition or next step, in load order.</summary>
    private IEnumerable<(string File, RuleSyntax Rule, ActionSyntax Action)> Derivers(NavigationTarget.Conclusion conclusion) =>
        from analysis in RuleAnalyses
        from rule in analysis.Rules
        from action in rule.Then
        where action is ConditionActionSyntax c && !conclusion.IsNextStep && c.Id.Text == conclusion.Id
            || action is NextStepActionSyntax n && conclusion.IsNextStep && n.Id.Text == conclusion.Id
        select (analysis.File, rule, action);

    /// <summary>The <c>when</c> elements that match a condition or next step by its id, in load order.</summary>
    private IEnumerable<(string File, string Rule, SourceLocation Location)> Readers(NavigationTarget.Conclusion conclusion)
    {
        var kind = conclusion.IsNextStep ? DependencyKind.NextStep : DependencyKind.Condition;
        return from analysis in RuleAnalyses
               from rule in analysis.Rules
               from input in RuleDependencies.Analyze(new CompiledRule(rule, analysis.File), Types).Inputs
               where input.Kind == kind && input.Name == conclusion.Id
               select (analysis.File, rule.Id, input.Location);
    }

    /// <summary>
    /// Where a binding is made: an <c>as:</c> (pattern, count, each, aggregate), a <c>let:</c> name, or for an aggregate's
    /// result <c>as.name</c> its <c>compute:</c> key (<c>as.key</c>: its <c>groupBy:</c>).
    /// </summary>
    private List<AuthoringLocation> BindingDefinition(RuleSyntax? owner, string file, string name)
    {
        if (owner is null)
        {
            return [];
        }

        var location = Elements(owner.When).Select(e => e switch
        {
            PatternSyntax p when p.As?.Text == name => p.As.Location,
            CountSyntax c when c.As?.Text == name => c.As.Location,
            EachSyntax each when each.As.Text == name => each.As.Location,
            LetSyntax let => let.Bindings.FirstOrDefault(b => b.Name.Text == name)?.Name.Location,
            AggregateSyntax a when a.As.Text == name => a.As.Location,
            AggregateSyntax a when name == $"{a.As.Text}.key" => (a.GroupBy ?? a.As).Location,
            AggregateSyntax a when name.StartsWith(a.As.Text + ".", StringComparison.Ordinal) =>
                a.Compute.FirstOrDefault(c => $"{a.As.Text}.{c.Name.Text}" == name)?.Name.Location,
            _ => null,
        }).FirstOrDefault(l => l is not null);
        return location is { } found ? [Locate(file, found)] : [];
    }

    private static IEnumerable<ElementSyntax> Elements(IEnumerable<ElementSyntax> elements) => elements.SelectMany(e => e switch
    {
        NotSyntax not => Elements([not.Element]),
        ExistsSyntax exists => Elements([exists.Element]),
        AllSyntax all => Elements(all.Elements),
        AnySyntax any => Elements(any.Alternatives),
        _ => [e],
    });

    /// <summary>The rule whose text holds <paramref name="line"/>.</summary>
    private static RuleSyntax? RuleAt(RuleFileAnalysis analysis, int line) =>
        analysis.Rules.LastOrDefault(r => r.Location.Line <= line);

    /// <summary>Where a declared type is declared: its name under <c>types:</c>.</summary>
    private AuthoringLocation Declaration(DeclaredFactType declaration)
    {
        var line = (_documents.TryGetValue(declaration.File, out var text) ? new SourceLines(text)
            : RuleAnalyses.FirstOrDefault(a => a.File == declaration.File)?.Lines ?? new SourceLines(""))[declaration.Line];
        var column = Math.Max(0, line.IndexOf(declaration.Name, StringComparison.Ordinal)) + 1;
        return Locate(declaration.File, new SourceLocation(declaration.File, declaration.Line, column));
    }

    private AuthoringLocation Locate(string file, SourceLocation location)
    {
        var lines = _documents.TryGetValue(file, out var text) ? new SourceLines(text)
            : RuleAnalyses.FirstOrDefault(a => a.File == file)?.Lines ?? new SourceLines("");
        return new AuthoringLocation(file, lines.DiagnosticRange(location.Line, location.Column));
    }

    [GeneratedRegex(@"\bid\s*(==|!=)\s*""$|\bid\s+(not\s+)?in\s*\[[^\]]*""$")]
    private static partial Regex ConditionIdString();

    [GeneratedRegex(@"(?<![\w.])([A-Za-z_]\w*)\.$")]
    private static partial Regex MemberTarget();
}
