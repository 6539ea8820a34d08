using SecurityGuarantees.Facts;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// The single changes a suggestion search combines: on facts of the types the relevant rules read, setting an enum
/// field to a value the rules compare it with (any value when they name none), flipping a bool, moving a number to the
/// constant it must reach; and removing facts that can block the goal by being there.
/// </summary>
internal static class CandidateChanges
{
    /// <summary>Changes that might make a target hold.</summary>
    public static List<ResolvedChange> ToMakeHold(FactResolver resolver, RuleReach reach)
    {
        var result = new List<ResolvedChange>();
        var removals = new List<ResolvedChange>();
        foreach (var slot in resolver.Slots.Where(s => reach.ReadTypes.Contains(s.Type.Name)))
        {
            foreach (var field in Changeable(slot, reach))
            {
                var current = field.Getter(slot.Original);
                IEnumerable<object> values = field.ElementKind switch
                {
                    FieldKind.Enum => EnumValues(field, reach.StringConstants.GetValueOrDefault(field.Name)),
                    FieldKind.Bool => current is bool b ? [!b] : [true, false],
                    FieldKind.Number => reach.NumberTargets.GetValueOrDefault(field.Name)?.Order().Cast<object>() ?? [],
                    _ => [],
                };
                result.AddRange(Sets(slot, field, values));
            }

            if (reach.BlockingTypes.Contains(slot.Type.Name))
            {
                removals.Add(new ResolvedChange(slot, null, null, ScenarioChange.Remove(slot.Address)));
            }
        }

        // Field changes first: among sets of one size, changing a fact reads better than making it disappear.
        return [.. result, .. removals];
    }

    /// <summary>
    /// Changes to the premises of a conclusion that might stop it: removal, then per field the first enum value the rules
    /// do not name (one representative: the others break the same comparisons) or a flipped bool.
    /// </summary>
    public static List<ResolvedChange> ToStop(IEnumerable<FactSlot> premises, RuleReach reach)
    {
        var result = new List<ResolvedChange>();
        foreach (var slot in premises)
        {
            result.Add(new ResolvedChange(slot, null, null, ScenarioChange.Remove(slot.Address)));
            foreach (var field in Changeable(slot, reach))
            {
                var current = field.Getter(slot.Original);
                IEnumerable<object> values = field.ElementKind switch
                {
                    FieldKind.Enum => UnnamedValue(field, current, reach.StringConstants.GetValueOrDefault(field.Name)),
                    FieldKind.Bool => current is bool b ? [!b] : [true, false],
                    _ => [],
                };
                result.AddRange(Sets(slot, field, values));
            }
        }

        return result;
    }

    private static IEnumerable<object> UnnamedValue(FactFieldDescriptor field, object? current, HashSet<string>? named)
    {
        var names = field.Enum!.Names;
        var currentName = FactValueFormatter.Format(current);
        var pick = names.FirstOrDefault(n => n != currentName && named?.Contains(n) != true) ?? names.FirstOrDefault(n => n != currentName);
        return pick is null ? [] : [pick];
    }

    private static IEnumerable<FactFieldDescriptor> Changeable(FactSlot slot, RuleReach reach) =>
        slot.Type.Fields.Where(f => !f.IsKey && !f.IsList && !ReferenceEquals(f, slot.Type.AlternativeIdField) && reach.FieldNames.Contains(f.Name));

    private static IEnumerable<object> EnumValues(FactFieldDescriptor field, HashSet<string>? named)
    {
        // Values by their author-facing names (reflection over the enum's fields, which the native build keeps).
        var names = field.Enum!;
        var mentioned = named is null ? [] : names.Names.Where(named.Contains).ToList();
        return mentioned.Count > 0 ? mentioned : names.Names;
    }

    private static IEnumerable<ResolvedChange> Sets(FactSlot slot, FactFieldDescriptor field, IEnumerable<object> values)
    {
        var current = FactValueFormatter.Format(field.Getter(slot.Original));
        var converted = new List<ResolvedChange>();
        foreach (var value in values)
        {
            if (!Compilation.FieldValueConverter.TryConvert(value, field, out var typed, out _))
            {
                continue;
            }

            var text = FactValueFormatter.Format(typed);
            if (text != current && !converted.Exists(c => FactValueFormatter.Format(c.Value) == text))
            {
                converted.Add(new ResolvedChange(slot, field, typed, ScenarioChange.Set(slot.Address with { Field = field.Name }, text)));
            }
        }

        return converted;
    }
}
