using System.Globalization;
using System.Text.Json;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Reporting;

/// <summary>
/// Writes a <see cref="VariantsResult"/> as one line of JSON:
/// <c>{"scenario","dimensions":[…],"always":{"conditions","nextSteps"},"variants":[{"values":{…},"conditions","nextSteps"}]}</c>.
/// A variant lists the conclusions that hold in it beyond <c>always</c>. Fixed property order, byte-identical in every culture.
/// </summary>
public static class VariantsJsonWriter
{
    /// <summary>Writes the result as one JSON object followed by <c>\n</c>.</summary>
    /// <param name="result">The variants.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(VariantsResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(result));
        output.Write('\n');
    }

    /// <summary>The result as one JSON object (no trailing newline).</summary>
    /// <param name="result">The variants.</param>
    public static string ToJson(VariantsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonReportWriter.Render(json =>
        {
            json.WriteStartObject();
            json.WriteString("scenario", result.Scenario);
            json.WriteStartArray("dimensions");
            foreach (var dimension in result.Dimensions)
            {
                json.WriteStartObject();
                json.WriteString("fact", dimension.Address.Fact.ToString());
                if (dimension.IsPresence)
                {
                    json.WriteStartArray("present");
                }
                else
                {
                    json.WriteString("field", dimension.Address.Field);
                    json.WriteStartArray("values");
                }

                foreach (var value in dimension.Values)
                {
                    WriteValue(json, dimension, value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("always");
            json.WriteStartObject();
            WriteConclusions(json, result.Always);
            json.WriteEndObject();
            json.WriteStartArray("variants");
            foreach (var variant in result.Variants)
            {
                json.WriteStartObject();
                json.WritePropertyName("values");
                json.WriteStartObject();
                for (var d = 0; d < result.Dimensions.Count; d++)
                {
                    json.WritePropertyName(result.Dimensions[d].Label);
                    WriteValue(json, result.Dimensions[d], variant.Values[d]);
                }

                json.WriteEndObject();
                WriteConclusions(json, variant.Conclusions);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Writes <c>conditions</c> (id, subject) and <c>nextSteps</c> (id, actor, subject) into an open object.</summary>
    internal static void WriteConclusions(Utf8JsonWriter json, ConclusionSet conclusions)
    {
        json.WriteStartArray("conditions");
        foreach (var condition in conclusions.Conditions)
        {
            json.WriteStartObject();
            json.WriteString("id", condition.Id);
            json.WriteString("subject", condition.Subject);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("nextSteps");
        foreach (var step in conclusions.NextSteps)
        {
            json.WriteStartObject();
            json.WriteString("id", step.Id);
            json.WriteString("actor", step.Actor);
            json.WriteString("subject", step.Subject);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, WhatIfDimension dimension, string value)
    {
        switch (dimension.ValueKind)
        {
            case "presence" or "bool":
                json.WriteBooleanValue(value == "true");
                break;
            case "number" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                json.WriteNumberValue(number);
                break;
            default:
                json.WriteStringValue(value);
                break;
        }
    }
}
