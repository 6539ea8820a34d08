using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SecurityGuarantees.Tests.Schemas;

/// <summary>Validates YAML text against a generated schema with JsonSchema.Net; returns the errors, one line each.</summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<string> Errors(string schemaText, string yaml)
    {
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"urn:uuid:{Guid.NewGuid()}"));
        var instance = JsonSerializer.SerializeToElement(YamlJson.Convert(yaml) ?? JsonValue.Create((string?)null));
        var result = schema.Evaluate(instance, new Json.Schema.EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? []).Prepend(result).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
