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
        var supports = session.Query<SupportFact>().ToList()
            .GroupBy(s => s.GroupKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SortJustifications(g), StringComparer.Ordinal);

        IReadOnlyList<Justification> For(string type, string key) => supports.GetValueOrDefault(type + "|" + key) ?? [];

        var conditionType = types.Find(typeof(Condition))!;
        var nextStepType = types.Find(typeof(NextStep))!;
        var conditions = session.Query<Condition>().ToList()
            .Select(c => new ConditionResult(c.Id, c.Subject, c.Parties, c.Severity, c.Text, For(conditionType.Name, conditionType.GetKey(c))))
            .OrderBy(c => c.Id, StringComparer.Ordinal).ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ToList();
        var nextSteps = session.Query<NextStep>().ToList()
            .Select(n => new NextStepResult(n.Id, n.Actor, n.Subject, n.Priority, n.Text, For(nextStepType.Name, nextStepType.GetKey(n))))
            .OrderBy(n => n.Actor, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ThenBy(n => n.Subject, StringComparer.Ordinal)
            .ToList();

        var insertedTypes = supports.Keys.Select(k => k[..k.IndexOf('|')]).Distinct()
            .Where(t => t != conditionType.Name && t != nextStepType.Name).ToHashSet(StringComparer.Ordinal);
        var inserted = new List<InsertedFactResult>();
        foreach (var typeName in insertedTypes.Order(StringComparer.Ordinal))
        {
            var type = types.Find(typeName)!;
            foreach (var fact in session.Query<object>().Where(f => f.GetType() == type.ClrType))
            {
                var key = type.GetKey(fact);
                if (supports.TryGetValue(typeName + "|" + key, out var justifications))
                {
                    inserted.Add(new InsertedFactResult(typeName, key, fact, justifications));
                }
            }
        }

        inserted.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type) is var c and not 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        return new EvaluationResult(scenario, asOf, conditions, nextSteps, inserted, rulesFired);
    }

    private static IReadOnlyList<Justification> SortJustifications(IEnumerable<SupportFact> supports) =>
        [.. supports.Select(s => s.ToJustification())
            .OrderBy(j => j.Rule, StringComparer.Ordinal)
            .ThenBy(j => string.Join("\n", j.Because.Select(b => b.Type + "\t" + b.Key)), StringComparer.Ordinal)];
}
