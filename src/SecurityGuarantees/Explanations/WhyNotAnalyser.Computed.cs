using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Explanations;

/// <summary>Why-not over <c>let:</c> and <c>aggregate:</c>: the values computed per partial match, as the engine computes them.</summary>
internal sealed partial class WhyNotAnalyser
{
    private List<Partial> ExtendComputed(ElementSyntax element, List<Partial> input)
    {
        var output = new List<Partial>();
        switch (element)
        {
            case LetSyntax let:
                var letPlan = (LetPlan)_rule.ElementPlans[let];
                foreach (var partial in input)
                {
                    var next = partial;
                    foreach (var (name, value) in letPlan.Values)
                    {
                        next = next.With(name, Invoke(value, next, null, null));
                    }

                    Add(output, next);
                }

                break;
            case AggregateSyntax aggregate:
                var plan = (AggregatePlan)_rule.ElementPlans[aggregate];
                foreach (var partial in input)
                {
                    foreach (var (key, facts) in Groups(plan, partial))
                    {
                        var items = Array.CreateInstance(plan.Type.ClrType, facts.Count);
                        for (var i = 0; i < facts.Count; i++)
                        {
                            items.SetValue(facts[i], i);
                        }

                        var next = partial.With(plan.CollectionName, items);
                        foreach (var (name, declaration, value) in plan.Values)
                        {
                            next = next.With(declaration, name == "key" && plan.GroupBy is not null ? key : Invoke(value, next, "items", items));
                        }

                        if (plan.Having is { } having && plan.HavingName is { } havingName)
                        {
                            var holds = Invoke(having, next, null, null);
                            if (holds is not true)
                            {
                                continue;
                            }

                            next = next.With(havingName, holds);
                        }

                        Add(output, next);
                    }
                }

                break;
        }

        return output;
    }

    /// <summary>The facts the aggregate reads for one partial match: one group, or one per non-null groupBy value.</summary>
    private IEnumerable<(object? Key, List<object> Facts)> Groups(AggregatePlan plan, Partial partial)
    {
        var facts = FactsOf(plan.Type).Where(f => plan.Conjuncts.All(c => Evaluate(c.Lambda, partial, plan.SourceName, f) == true)).ToList();
        if (plan.GroupBy is not { } field)
        {
            return [(null, facts)];
        }

        return facts.Select(f => (Key: field.Getter(f), Fact: f)).Where(x => x.Key is not null)
            .GroupBy(x => x.Key).Select(g => (g.Key, g.Select(x => x.Fact).ToList()));
    }

    private static string ComputedSummary(ElementSyntax element) => element switch
    {
        LetSyntax l => $"let: {string.Join(", ", l.Bindings.Select(b => $"{b.Name.Text} = {Collapse(b.Value.Text)}"))}",
        AggregateSyntax a => $"aggregate: {a.FactType.Text}{(a.Where is null ? "" : " where " + Collapse(a.Where.Text))}"
            + (a.GroupBy is null ? "" : $" groupBy {a.GroupBy.Text}") + $" as {a.As.Text}"
            + $" compute {string.Join(", ", a.Compute.Select(c => $"{c.Name.Text} = {Collapse(c.Value.Text)}"))}"
            + (a.Having is null ? "" : $" having {Collapse(a.Having.Text)}"),
        _ => element.GetType().Name,
    };

    /// <summary>Why an aggregate did not match: no facts to group, or no group (or the one group) passing <c>having</c>.</summary>
    private string AggregateFailure(AggregateSyntax aggregate, List<Partial> before)
    {
        var plan = (AggregatePlan)_rule.ElementPlans[aggregate];
        var groups = before.Take(1).SelectMany(p => Groups(plan, p)).ToList();
        if (groups.Count == 0)
        {
            return $"no {plan.Type.Name} fact matches{(aggregate.Where is null ? "" : " the 'where'")}, so there is no group";
        }

        var facts = groups.Sum(g => g.Facts.Count);
        return aggregate.Having is null
            ? $"{facts} {plan.Type.Name} facts aggregated"
            : $"'having: {Collapse(aggregate.Having.Text)}' is false for {(groups.Count == 1 ? "the aggregate" : $"all {groups.Count} groups")} of {facts} {plan.Type.Name} facts";
    }
}
