using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;

namespace SecurityGuarantees.WhatIf;

/// <summary>A dimension resolved against a scenario: per value, the changes that make it so.</summary>
internal sealed record ResolvedDimension(WhatIfDimension Dimension, IReadOnlyList<IReadOnlyList<ResolvedChange>> Choices);

/// <summary>
/// Reads variation dimensions from a scenario's <c>vary:</c> section and from command-line texts
/// (<c>Type[key].field=a,b,c</c>, <c>Type[key]</c>) and resolves them against the scenario's facts. Every problem is
/// reported, with its position, in one pass.
/// </summary>
internal static class VariationReader
{
    /// <summary>The file name command-line dimensions are reported under.</summary>
    public const string VaryOption = "--vary";

    /// <summary>The file name command-line presence dimensions are reported under.</summary>
    public const string VaryPresentOption = "--vary-present";

    /// <summary>Reads the <c>vary:</c> entries of a scenario file into dimensions (addresses parsed, not resolved).</summary>
    public static List<VariationDimension> ReadSection(YamlNode? node, DiagnosticBag diagnostics)
    {
        var dimensions = new List<VariationDimension>();
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return dimensions;
            case not YamlSequence:
                diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'vary' must be a list of dimensions, not {node.KindName}",
                    "start each dimension with '- fact: Type[key]'");
                return dimensions;
        }

        foreach (var item in ((YamlSequence)node).Items)
        {
            var reader = YamlMappingReader.From(item, "a 'vary' entry", diagnostics);
            if (reader is null)
            {
                continue;
            }

            var factScalar = reader.Scalar("fact", required: true);
            var fieldScalar = reader.Scalar("field");
            var values = reader.ScalarList("values");
            var present = reader.ScalarList("present");
            reader.ReportUnknownKeys();
            if (factScalar is null || FactResolver.Parse(factScalar.Value, factScalar.TextStart, diagnostics) is not { } address)
            {
                continue;
            }

            if (fieldScalar is not null)
            {
                address = address with { Field = fieldScalar.Value };
            }

            var entry = item.Location;
            if ((values is null) == (present is null))
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, entry, values is null
                        ? $"the 'vary' entry for {address} has neither 'values:' nor 'present:'"
                        : $"the 'vary' entry for {address} has both 'values:' and 'present:'",
                    "vary a field with 'field:' and 'values: [...]', or the fact's presence with 'present: [true, false]'");
                continue;
            }

            if (present is not null)
            {
                if (address.Field is not null)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidVariation, entry, $"'present:' varies a whole fact, but the entry names the field {address}",
                        "drop 'field:' (and any '.field'), or use 'values:'");
                    continue;
                }

                if (ReadPresence(present, entry, address, diagnostics) is { } flags)
                {
                    dimensions.Add(new VariationDimension(address, flags) { Location = factScalar.TextStart });
                }

                continue;
            }

            if (address.Field is null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, entry, $"'values:' needs a field, but the entry for {address} names none",
                    "add 'field: <name>'");
                continue;
            }

            if (values!.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, entry, $"the 'vary' entry for {address} has no values", "list at least one value");
                continue;
            }

            dimensions.Add(new VariationDimension(address, [.. values.Select(v => v.Value)])
            {
                Location = factScalar.TextStart,
                FieldLocation = fieldScalar?.TextStart,
                ValueLocations = [.. values.Select(v => v.TextStart)],
            });
        }

        return dimensions;
    }

    /// <summary>Reads <c>--vary 'Type[key].field=a,b,c'</c>.</summary>
    public static VariationDimension? ParseVary(string text, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(VaryOption, 1, 1);
        var close = text.LastIndexOf(']');
        var equals = text.IndexOf('=', Math.Max(close, 0));
        if (equals < 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"--vary '{text}' has no values", "write --vary 'Type[key].field=value1,value2'");
            return null;
        }

        if (FactResolver.Parse(text[..equals], at, diagnostics) is not { } address)
        {
            return null;
        }

        if (address.Field is null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"--vary '{text}' names no field",
                "write --vary 'Type[key].field=value1,value2', or --vary-present 'Type[key]' to vary whether the fact is there");
            return null;
        }

        var values = text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(v => v.Length == 0))
        {
            diagnostics.Error(DiagnosticCodes.InvalidVariation, at.Offset(equals + 1), $"--vary '{text}' has an empty value", "separate values with single commas");
            return null;
        }

        return new VariationDimension(address, values);
    }

    /// <summary>Reads <c>--vary-present 'Type[key]'</c>.</summary>
    public static VariationDimension? ParseVaryPresent(string text, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(VaryPresentOption, 1, 1);
        if (FactResolver.Parse(text, at, diagnostics) is not { } address)
        {
            return null;
        }

        if (address.Field is not null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"--vary-present '{text}' names a field; it varies whether a whole fact is there",
                $"write --vary-present '{address.Fact}', or --vary '{address}=...' to vary the field");
            return null;
        }

        return VariationDimension.OfPresence(address);
    }

    /// <summary>Resolves dimensions against the scenario; <see langword="null"/> entries where something did not resolve.</summary>
    public static List<ResolvedDimension> Resolve(IReadOnlyList<VariationDimension> dimensions, FactResolver resolver, DiagnosticBag diagnostics)
    {
        var resolved = new List<ResolvedDimension>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            var at = dimension.Location ?? new SourceLocation(dimension.IsPresence ? VaryPresentOption : VaryOption, 1, 1);
            if (!seen.Add(dimension.Label))
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"{dimension.Label} is varied twice", "merge the values into one dimension");
                continue;
            }

            if (dimension.Values.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"{dimension.Label} has no values to try", "give at least one value");
                continue;
            }

            if (resolver.ResolveFact(dimension.Address, at, diagnostics) is not { } slot)
            {
                continue;
            }

            if (dimension.IsPresence)
            {
                if (dimension.Values.Any(v => v is not ("true" or "false")) || dimension.Values.Distinct().Count() != dimension.Values.Count)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"the presence of {dimension.Label} takes true and false, each at most once",
                        "write present: [true, false]");
                    continue;
                }

                var removal = new ResolvedChange(slot, null, null, ScenarioChange.Remove(dimension.Address));
                resolved.Add(new ResolvedDimension(
                    new WhatIfDimension(dimension.Address, true, dimension.Values, "presence"),
                    [.. dimension.Values.Select(v => v == "true" ? (IReadOnlyList<ResolvedChange>)[] : [removal])]));
                continue;
            }

            if (resolver.ResolveField(slot, dimension.Address, at, diagnostics, dimension.FieldLocation) is not { } field)
            {
                continue;
            }

            var choices = new List<IReadOnlyList<ResolvedChange>>();
            var labels = new List<string>();
            var failed = false;
            for (var i = 0; i < dimension.Values.Count; i++)
            {
                var text = dimension.Values[i];
                var value = FactResolver.ResolveValue(field, text, dimension.ValueLocations?[i] ?? at, diagnostics, out var ok);
                failed |= !ok;
                if (ok)
                {
                    var formatted = FactValueFormatter.Format(value);
                    labels.Add(formatted);
                    choices.Add([new ResolvedChange(slot, field, value, ScenarioChange.Set(dimension.Address, formatted))]);
                }
            }

            if (!failed && labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, at, $"{dimension.Label} lists a value twice", "list each value once");
                failed = true;
            }

            if (!failed)
            {
                var kind = field.ElementKind switch
                {
                    FieldKind.Bool => "bool",
                    FieldKind.Number => "number",
                    FieldKind.Date => "date",
                    FieldKind.Enum => "enum",
                    _ => "text",
                };
                resolved.Add(new ResolvedDimension(new WhatIfDimension(dimension.Address, false, labels, kind), choices));
            }
        }

        return resolved;
    }

    private static List<string>? ReadPresence(IReadOnlyList<YamlScalar> present, SourceLocation entry, FactAddress address, DiagnosticBag diagnostics)
    {
        var flags = new List<string>();
        foreach (var scalar in present)
        {
            if (scalar.Value is not ("true" or "false"))
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariation, scalar.TextStart, $"'present:' takes true and false, not '{scalar.Value}'",
                    "write present: [true, false]");
                return null;
            }

            flags.Add(scalar.Value);
        }

        if (flags.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidVariation, entry, $"the 'vary' entry for {address} has no values in 'present:'", "write present: [true, false]");
            return null;
        }

        return flags;
    }
}
