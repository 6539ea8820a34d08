using System.Text.Json.Nodes;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Schemas;

/// <summary>The schemas of a rule file's <c>enums:</c> and <c>types:</c> sections.</summary>
internal static class DeclaredTypeSchemas
{
    private static readonly string[] ScalarTypes = ["string", "number", "integer", "bool", "date"];

    public static JsonObject Enums() => new()
    {
        ["description"] = "Enums declared for this rule set and every file loaded with it: a name, then its kebab-case values.",
        ["type"] = "object",
        ["propertyNames"] = new JsonObject { ["pattern"] = "^[A-Za-z][A-Za-z0-9]*$" },
        ["additionalProperties"] = new JsonObject
        {
            ["type"] = "array",
            ["minItems"] = 1,
            ["uniqueItems"] = true,
            ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$" },
        },
    };

    public static JsonObject Types(FactTypeRegistry types)
    {
        var enumNames = types.BuiltInEnums.Keys.Concat(types.DeclaredEnums.Keys).Order(StringComparer.Ordinal).ToList();
        var fieldTypes = ScalarTypes.Concat(enumNames).ToList();
        var fieldType = new JsonObject
        {
            ["description"] = "string, number (decimal), integer, bool, date, list<T>, a declared enum or a built-in one (stance, commitment-kind, ...).",
            ["anyOf"] = new JsonArray(
                new JsonObject { ["enum"] = new JsonArray([.. fieldTypes.Select(t => (JsonNode)t)]) },
                new JsonObject { ["enum"] = new JsonArray([.. fieldTypes.Select(t => (JsonNode)$"list<{t}>")]) },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z][A-Za-z0-9]*$" }),
        };
        return new JsonObject
        {
            ["description"] = "Fact types declared for this rule set and every file loaded with it, usable wherever a C# fact type is.",
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["pattern"] = "^[A-Za-z][A-Za-z0-9]*$" },
            ["additionalProperties"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = new JsonArray("fields"),
                ["properties"] = new JsonObject
                {
                    ["description"] = new JsonObject { ["type"] = "string", ["description"] = "What a fact of the type is; schemas and hover show it." },
                    ["key"] = new JsonObject
                    {
                        ["description"] = "The key fields, in order (default [id]); scenarios must give them.",
                        ["type"] = "array",
                        ["minItems"] = 1,
                        ["items"] = new JsonObject { ["type"] = "string" },
                    },
                    ["fields"] = new JsonObject
                    {
                        ["description"] = "The fields in order: a camelCase name, then its type.",
                        ["type"] = "object",
                        ["minProperties"] = 1,
                        ["propertyNames"] = new JsonObject { ["pattern"] = "^[a-z][A-Za-z0-9]*$" },
                        ["additionalProperties"] = fieldType,
                    },
                    ["defaults"] = new JsonObject
                    {
                        ["description"] = "Values of non-key fields when a fact leaves them out (otherwise null; lists empty; bools false).",
                        ["type"] = "object",
                    },
                },
            },
        };
    }
}
