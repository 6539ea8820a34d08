using NRules;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Evaluation;

/// <summary>Reads conclusions and their supports from a session into an immutable, ordinally sorted result.</summary>
internal static class ResultCollector
{
    public static EvaluationResult Collect(ISession session, FactTypeRegistry types, string scenario, DateOnly asOf, int rulesFired)
    {
        // One pass over working memory: snapshots run after every timeline step.
        var supportGroups = new Dictionary<string, List<SupportFact>>(StringComparer.Ordinal);
        var conditionFacts = new List<Condition>();
        var nextStepFacts = new List<NextStep>();
        var others = new List<object>();
        foreach (var fact in session.Query<object>())
        {
            switch (fact)
            {
                case SupportFact support:
                    if (!supportGroups.TryGetValue(support.GroupKey, out var group))
                    {
                        supportGroups[support.GroupKey] = group = [];
                    }

                    group.Add(support);
                    break;
                case Condition condition:
                    conditionFacts.Add(condition);
                    break;
                case NextStep nextStep:
                    nextStepFacts.Add(nextStep);
                    break;
                default:
                    others.Add(fact);
                    break;
            }
        }

        var supports = supportGroups.ToDictionary(g => g.Key, g => SortJustifications(g.Value), StringComparer.Ordinal);
        IReadOnlyList<Justification> For(string type, string key) => supports.GetValueOrDefault(type + "|" + key) ?? [];

        var conditionType = types.Find(typeof(Condition))!;
        var nextStepType = types.Find(typeof(NextStep))!;
        var conditions = conditionFacts
            .Select(c => new ConditionResult(c.Id, c.Subject, c.Parties, c.Severity, c.Text, For(conditionType.Name, conditionType.GetKey(c))))
            .OrderBy(c => c.Id, StringComparer.Ordinal).ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ToList();
        var nextSteps = nextStepFacts
            .Select(n => new NextStepResult(n.Id, n.Actor, n.Subject, n.Priority, n.Text, For(nextStepType.Name, nextStepType.GetKey(n))))
            .OrderBy(n => n.Actor, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ThenBy(n => n.Subject, StringComparer.Ordinal)
            .ToList();

        var insertedTypes = supports.Keys.Select(k => k[..k.IndexOf('|')]).Distinct(StringComparer.Ordinal)
            .Where(t => t != conditionType.Name && t != nextStepType.Name)
            .Select(t => types.Find(t)!).ToDictionary(t => t.ClrType);
        var inserted = new List<InsertedFactResult>();
        if (insertedTypes.Count > 0)
        {
            foreach (var fact in others)
            {
                if (insertedTypes.TryGetValue(fact.GetType(), out var type)
                    && supports.TryGetValue(type.Name + "|" + type.GetKey(fact), out var justifications))
                {
                    inserted.Add(new InsertedFactResult(type.Name, type.GetKey(fact), fact, justifications));
                }
            }
        }

        inserted.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type) is var c and not 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        return new EvaluationResult(scenario, asOf, conditions, nextSteps, inserted, rulesFired);
    }

    private static IReadOnlyList<Justification> SortJustifications(List<SupportFact> supports)
    {
        if (supports.Count == 1)
        {
            return [supports[0].ToJustification()];
        }

        supports.Sort((a, b) => string.CompareOrdinal(a.Rule.Id, b.Rule.Id) is var c and not 0 ? c : string.CompareOrdinal(a.BecauseSortKey, b.BecauseSortKey));
        return [.. supports.Select(s => s.ToJustification())];
    }
}
