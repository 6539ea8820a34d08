using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// Resolves fact and field addresses against one scenario's facts, reporting what does not resolve (SG0801-SG0804)
/// with a did-you-mean where something is close.
/// </summary>
internal sealed class FactResolver
{
    private readonly FactTypeRegistry _types;
    private readonly Dictionary<(string Type, string Key), FactSlot> _slots = [];
    private readonly Dictionary<string, List<string>> _keysByType = new(StringComparer.Ordinal);

    public FactResolver(Scenario scenario, FactTypeRegistry types)
    {
        _types = types;
        Scenario = scenario;
        foreach (var fact in scenario.Facts)
        {
            if (types.Of(fact) is not { } type)
            {
                continue;
            }

            var key = type.GetKey(fact);
            _slots.TryAdd((type.Name, key), new FactSlot(type, key, fact));
            if (!_keysByType.TryGetValue(type.Name, out var keys))
            {
                _keysByType[type.Name] = keys = [];
            }

            keys.Add(key);
        }
    }

    public Scenario Scenario { get; }

    public IEnumerable<FactSlot> Slots => _slots.Values;

    public FactSlot? Find(string type, string key) => _slots.GetValueOrDefault((type, key));

    /// <summary>Parses an address written at <paramref name="at"/> (its first character).</summary>
    public static FactAddress? Parse(string text, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (FactAddress.TryParse(text, out var address, out var error, out var errorAt))
        {
            return address;
        }

        diagnostics.Error(DiagnosticCodes.InvalidFactAddress, at.Offset(errorAt), error!,
            "address a fact as Type[key] and a field as Type[key].field, with the key as justifications print it, e.g. Position[jeddah-ceasefire/RU].stance");
        return null;
    }

    /// <summary>The fact an address names, or <see langword="null"/> with a diagnostic.</summary>
    public FactSlot? ResolveFact(FactAddress address, SourceLocation at, DiagnosticBag diagnostics)
    {
        var type = _types.Find(address.Type);
        if (type is null)
        {
            var names = _types.All.Where(t => t.Role == FactTypeRole.Scenario).Select(t => t.Name).ToList();
            diagnostics.Error(DiagnosticCodes.UnknownAddressedFact, at, $"unknown fact type '{address.Type}' in '{address}'", NameSuggester.Hint(address.Type, names));
            return null;
        }

        if (type.Role != FactTypeRole.Scenario)
        {
            diagnostics.Error(DiagnosticCodes.UnknownAddressedFact, at, $"'{address}' names a {type.Name}, which rules derive; what-if changes scenario facts only",
                "address the scenario facts the condition is derived from (see 'explain')");
            return null;
        }

        if (_slots.TryGetValue((type.Name, address.Key), out var slot))
        {
            return slot;
        }

        var keys = _keysByType.GetValueOrDefault(type.Name) ?? [];
        var keyAt = at.Offset(address.Type.Length + 1);
        diagnostics.Error(DiagnosticCodes.UnknownAddressedFact, keyAt, $"scenario '{Scenario.Id}' has no {type.Name} with the key '{address.Key}'",
            keys.Count == 0 ? $"the scenario has no {type.Name} facts" : NameSuggester.Hint(address.Key, keys));
        return null;
    }

    /// <summary>The field an address names, or <see langword="null"/> with a diagnostic.</summary>
    public FactFieldDescriptor? ResolveField(FactSlot slot, FactAddress address, SourceLocation at, DiagnosticBag diagnostics, SourceLocation? fieldAt = null)
    {
        fieldAt ??= at.Offset(address.Fact.ToString().Length + 1);
        var field = slot.Type.FindField(address.Field!);
        if (field is null)
        {
            diagnostics.Error(DiagnosticCodes.UnknownAddressedField, fieldAt.Value, $"{slot.Type.Name} has no field '{address.Field}'",
                NameSuggester.Hint(address.Field!, slot.Type.Fields.Select(f => f.Name).ToList()));
            return null;
        }

        if (field.IsKey || ReferenceEquals(field, slot.Type.AlternativeIdField))
        {
            diagnostics.Error(DiagnosticCodes.UnknownAddressedField, fieldAt.Value, $"'{field.Name}' is part of the key of {slot.Type.Name}; changing it makes another fact",
                $"remove {slot.Address} instead, or vary a field that is not part of the key");
            return null;
        }

        if (field.IsList)
        {
            diagnostics.Error(DiagnosticCodes.UnknownAddressedField, fieldAt.Value, $"'{field.Name}' of {slot.Type.Name} is a list; what-if sets single values only",
                "vary an enum, bool, number, date or text field, or the fact's presence");
            return null;
        }

        return field;
    }

    /// <summary>A value converted to the field's type, or <see langword="null"/> with a diagnostic (<paramref name="ok"/> false).</summary>
    public static object? ResolveValue(FactFieldDescriptor field, string text, SourceLocation at, DiagnosticBag diagnostics, out bool ok)
    {
        ok = FieldValueConverter.TryConvert(text, field, out var value, out var error);
        if (!ok)
        {
            diagnostics.Error(DiagnosticCodes.InvalidChangeValue, at, error!,
                field.ElementKind == FieldKind.Enum ? "use one of the listed values" : $"write a {field.ElementKind.ToString().ToLowerInvariant()} value");
        }

        return value;
    }

    /// <summary>Resolves a change, or returns <see langword="null"/> with diagnostics.</summary>
    public ResolvedChange? Resolve(ScenarioChange change, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (ResolveFact(change.Address, at, diagnostics) is not { } slot)
        {
            return null;
        }

        if (change.Kind == ScenarioChangeKind.Remove)
        {
            return new ResolvedChange(slot, null, null, change);
        }

        if (ResolveField(slot, change.Address, at, diagnostics) is not { } field)
        {
            return null;
        }

        var value = ResolveValue(field, change.Value ?? "", at, diagnostics, out var ok);
        return ok ? new ResolvedChange(slot, field, value, change with { Value = FactValueFormatter.Format(value) }) : null;
    }
}
