using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

// The `then:` side: each action becomes a ConclusionFactory with its templates checked against the rule's bindings.
internal sealed partial class RuleModelBuilder
{
    private static readonly string[] SeverityNames = ["info", "warning", "critical"];

    private ConclusionFactory? BuildAction(ActionSyntax action, BindingScope scope)
    {
        switch (action)
        {
            case ConditionActionSyntax condition:
            {
                var id = CheckConclusionId(condition.Id, "condition");
                var severity = Severity.Info;
                if (condition.Severity is not null)
                {
                    var index = Array.IndexOf(SeverityNames, condition.Severity.Text);
                    if (index < 0)
                    {
                        _diagnostics.Error(DiagnosticCodes.InvalidValue, condition.Severity.Location, $"'{condition.Severity.Text}' is not a severity",
                            NameSuggester.Hint(condition.Severity.Text, SeverityNames));
                    }
                    else
                    {
                        severity = (Severity)index;
                    }
                }

                var subject = Template(condition.Subject, scope);
                var parties = condition.Parties.Select(p => Template(p, scope)).ToList();
                var text = Template(condition.Text, scope);
                return id is null || parties.Any(p => p is null) ? null
                    : new ConditionFactory(_types.Find("Condition")!, id, subject, parties!, severity, text);
            }

            case NextStepActionSyntax nextStep:
            {
                var id = CheckConclusionId(nextStep.Id, "next step");
                return id is null ? null : new NextStepFactory(_types.Find("NextStep")!, id, Template(nextStep.Actor, scope),
                    Template(nextStep.Subject, scope), Template(nextStep.Text, scope), nextStep.Priority);
            }

            case InsertActionSyntax insert:
                return BuildInsert(insert, scope);
            default:
                return null;
        }
    }

    private InsertFactory? BuildInsert(InsertActionSyntax insert, BindingScope scope)
    {
        var type = ResolveType(insert.FactType);
        if (type is null)
        {
            return null;
        }

        if (type.Role != FactTypeRole.Scenario)
        {
            _diagnostics.Error(DiagnosticCodes.DerivedTypeNotAllowed, insert.FactType.Location, $"rules cannot insert {type.Name} facts",
                type.Role == FactTypeRole.Derived ? $"use the '{NameConventions.ToCamelCase(type.Name)}:' action instead" : "Today comes from the scenario's asOf");
            return null;
        }

        var ok = true;
        var fields = new List<(FactFieldDescriptor, TextTemplate?, IReadOnlyList<TextTemplate>?)>();
        foreach (var field in insert.Fields)
        {
            var descriptor = type.FindField(field.Name.Text);
            if (descriptor is null)
            {
                _diagnostics.Error(DiagnosticCodes.UnknownField, field.Name.Location, $"unknown field '{field.Name.Text}' on {type.Name}",
                    NameSuggester.Hint(field.Name.Text, type.Fields.Select(f => f.Name).ToList()));
                ok = false;
                continue;
            }

            if (field.Items is not null)
            {
                if (!descriptor.IsList)
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidInsert, field.Name.Location, $"'{descriptor.Name}' of {type.Name} is not a list",
                        "give a single value");
                    ok = false;
                    continue;
                }

                var items = field.Items.Select(i => Template(i, scope)).ToList();
                ok &= items.All(i => i is not null) && field.Items.Zip(items).All(x => CheckLiteral(x.First, x.Second, descriptor, type));
                fields.Add((descriptor, null, items!));
            }
            else
            {
                var value = Template(field.Value, scope);
                ok &= field.Value is null || (value is not null && CheckLiteral(field.Value, value, descriptor, type));
                fields.Add((descriptor, value, null));
            }
        }

        var given = fields.Where(f => f.Item2 is not null || f.Item3 is not null).Select(f => f.Item1).ToHashSet();
        var hasAlternativeId = type.AlternativeIdField is not null && given.Contains(type.AlternativeIdField);
        foreach (var key in type.KeyFields.Where(k => !given.Contains(k) && !hasAlternativeId))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidInsert, insert.FactType.Location, $"the inserted {type.Name} needs its key field '{key.Name}'",
                $"add '{key.Name}: ...'");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        _insertedTypes.Add(type);
        return new InsertFactory(type, fields);
    }

    /// <summary>A literal value (no holes) is checked against the field type at load, not at evaluation.</summary>
    private bool CheckLiteral(TextSyntax text, TextTemplate? template, FactFieldDescriptor field, FactTypeDescriptor type)
    {
        if (template is null || !template.IsLiteral)
        {
            return true;
        }

        if (FieldValueConverter.TryConvert(template.Render(new MatchValues(new Dictionary<string, object?>())), field, out _, out var error))
        {
            return true;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidInsert, text.Location, $"cannot insert {type.Name}: {error}");
        return false;
    }

    private string? CheckConclusionId(TextSyntax id, string what)
    {
        if (RuleFileLoader.IsValidId(id.Text))
        {
            return id.Text;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidId, id.Location, $"invalid {what} id '{id.Text}'",
            "ids are literal: a letter or digit, then letters, digits, '.', '_' or '-'");
        return null;
    }

    private TextTemplate? Template(TextSyntax? text, BindingScope scope)
    {
        if (text is null)
        {
            return null;
        }

        _scopes?.Add(text, scope, ExpressionScopeKind.Template);
        return TextTemplate.Compile(text, scope, _diagnostics);
    }
}
