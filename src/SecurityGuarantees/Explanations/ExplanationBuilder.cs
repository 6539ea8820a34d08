using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Explanations;

/// <summary>Builds justification trees from the supports in a session's final working memory.</summary>
internal sealed class ExplanationBuilder
{
    private readonly FactTypeRegistry _types;
    private readonly Scenario _scenario;
    private readonly Dictionary<string, List<SupportFact>> _supports;
    private readonly Dictionary<string, object> _current = new(StringComparer.Ordinal);

    public ExplanationBuilder(FactTypeRegistry types, Scenario scenario, IReadOnlyList<object> workingMemory)
    {
        _types = types;
        _scenario = scenario;
        _supports = workingMemory.OfType<SupportFact>()
            .GroupBy(s => s.GroupKey, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(s => s.Rule.Id, StringComparer.Ordinal)
                    .ThenBy(s => string.Join("\n", s.Because.Select(b => b.Type + "\t" + b.Key)), StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
        foreach (var fact in workingMemory)
        {
            if (_types.Of(fact) is { } type && SupportFact.GroupKeyOf(type.Name, type.GetKey(fact)) is var groupKey
                && _supports.ContainsKey(groupKey))
            {
                _current[groupKey] = fact; // the merged conclusion rules see now
            }
        }
    }

    public Explanation Build(EvaluationResult result, ExplanationQuery? query)
    {
        var roots = new List<ExplanationNode>();
        var wantAll = query?.Condition is null && query?.NextStep is null;
        if (wantAll || query?.Condition is not null)
        {
            foreach (var condition in result.Conditions.Where(c => (wantAll || c.Id == query!.Condition) && Matches(query?.Subject, c.Subject)))
            {
                roots.Add(Root("Condition", _types.Find(typeof(Condition))!.GetKey(new Condition { Id = condition.Id, Subject = condition.Subject })));
            }
        }

        if (wantAll || query?.NextStep is not null)
        {
            foreach (var step in result.NextSteps.Where(n => (wantAll || n.Id == query!.NextStep) && Matches(query?.Subject, n.Subject) && Matches(query?.Actor, n.Actor)))
            {
                roots.Add(Root("NextStep", _types.Find(typeof(NextStep))!.GetKey(new NextStep { Id = step.Id, Actor = step.Actor, Subject = step.Subject })));
            }
        }

        if (wantAll && query?.Subject is null && query?.Actor is null)
        {
            roots.AddRange(result.InsertedFacts.Select(f => Root(f.Type, f.Key)));
        }

        return new Explanation(result.Scenario, result.AsOf, _scenario.SourcePath, roots);
    }

    private static bool Matches(string? wanted, string? actual) => wanted is null || wanted == actual;

    private ExplanationNode Root(string type, string key)
    {
        var groupKey = SupportFact.GroupKeyOf(type, key);
        return _current.TryGetValue(groupKey, out var fact)
            ? Node(fact, new HashSet<string>(StringComparer.Ordinal))
            : new ExplanationNode(type, key, ExplainedFactOrigin.Derived, null, null, [], false);
    }

    private ExplanationNode Node(object fact, HashSet<string> explained)
    {
        var type = _types.Of(fact);
        if (type is null)
        {
            return new ExplanationNode(fact.GetType().Name, fact.ToString() ?? "", ExplainedFactOrigin.Scenario, null, null, [], false);
        }

        var key = type.GetKey(fact);
        var groupKey = SupportFact.GroupKeyOf(type.Name, key);
        if (_supports.TryGetValue(groupKey, out var supports))
        {
            var current = _current.GetValueOrDefault(groupKey) ?? fact;
            var text = current switch
            {
                Condition c => c.Text,
                NextStep n => n.Text,
                _ => null,
            };
            if (!explained.Add(groupKey))
            {
                return new ExplanationNode(type.Name, key, ExplainedFactOrigin.Derived, text, null, [], true);
            }

            var justifications = supports.Select(s => new ExplanationJustification(s.Rule.Id, s.Rule.Syntax.Title, s.Rule.Location,
                [.. s.BecauseFacts.Select(f => Node(f, explained))])).ToList();
            return new ExplanationNode(type.Name, key, ExplainedFactOrigin.Derived, text, null, justifications, false);
        }

        if (type.Role == FactTypeRole.Today)
        {
            return new ExplanationNode(type.Name, key, ExplainedFactOrigin.Today, null, null, [], false);
        }

        var location = _scenario.FactLocations.TryGetValue(fact, out var l) ? l : (Diagnostics.SourceLocation?)null;
        return new ExplanationNode(type.Name, key, type.Role == FactTypeRole.Derived ? ExplainedFactOrigin.Derived : ExplainedFactOrigin.Scenario,
            null, location, [], false);
    }
}
