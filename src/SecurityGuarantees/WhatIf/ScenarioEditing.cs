using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.WhatIf;

/// <summary>Builds a changed copy of a scenario, for fresh evaluations that verify what the live session found.</summary>
internal static class ScenarioEditing
{
    public static Scenario Apply(Scenario scenario, IReadOnlyList<ResolvedChange> changes)
    {
        var bySlot = changes.GroupBy(c => c.Slot.Original, ReferenceEqualityComparer.Instance).ToDictionary(g => g.Key!, g => g.ToList(), ReferenceEqualityComparer.Instance);
        var facts = new List<object>(scenario.Facts.Count);
        var locations = new Dictionary<object, SourceLocation>(ReferenceEqualityComparer.Instance);
        foreach (var fact in scenario.Facts)
        {
            var changed = fact;
            if (bySlot.TryGetValue(fact, out var own))
            {
                if (own.Any(c => c.IsRemoval))
                {
                    continue;
                }

                var values = new Dictionary<FactFieldDescriptor, object?>();
                foreach (var change in own)
                {
                    values[change.Field!] = change.Value;
                }

                changed = own[0].Slot.With(values);
            }

            facts.Add(changed);
            if (scenario.FactLocations.TryGetValue(fact, out var at))
            {
                locations[changed] = at;
            }
        }

        return new Scenario(scenario.Id, scenario.AsOf, scenario.Description, scenario.SourcePath, facts, locations, scenario.TimelineNode, scenario.ExpectNode, scenario.VaryNode);
    }
}
