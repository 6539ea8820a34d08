using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Schemas;

/// <summary>
/// Generates JSON Schemas (draft 2020-12) for rule files and scenario files from the registered fact types, so editors
/// (e.g. through the <c># yaml-language-server: $schema=...</c> comment) complete and check fact types, fields, enum
/// values, dates, keys, elements and actions. The output is deterministic: types by name, fields in declaration order.
/// </summary>
internal static class JsonSchemaGenerator
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";
    private const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    private const string BindingPattern = "^[A-Za-z][A-Za-z0-9_]*$";
    private const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private const string Generated = "Generated from the registered fact types by 'security-guarantees schema'; do not edit by hand.";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema of a rule file.</summary>
    public static string RuleFileSchema(FactTypeRegistry types)
    {
        var allTypes = types.All.ToList();
        var scenarioTypes = allTypes.Where(t => t.Role == FactTypeRole.Scenario).ToList();
        var typeNames = Enum(allTypes.Select(t => t.Name));
        var defs = new JsonObject
        {
            ["id"] = IdSchema(),
            ["binding"] = new JsonObject { ["type"] = "string", ["pattern"] = BindingPattern, ["description"] = "A binding name: a letter, then letters, digits or '_'." },
            ["expression"] = new JsonObject { ["type"] = Types("string", "boolean"), ["description"] = "An expression of the rule language, e.g. kind == \"ceasefire\" && mutual." },
            ["template"] = new JsonObject { ["type"] = "string", ["description"] = "Text with {binding.field} holes; {{ and }} write braces." },
            ["rule"] = RuleSchema(),
            ["element"] = new JsonObject
            {
                ["description"] = "One element of 'when': fact, not, exists, all, any, each, count, let or aggregate.",
                ["oneOf"] = new JsonArray(
                    Element("fact", "Facts of a type, optionally bound with 'as:' and filtered with 'where:'.", new JsonObject
                    {
                        ["fact"] = typeNames.DeepClone(),
                        ["as"] = Ref("binding"),
                        ["where"] = Ref("expression"),
                    }),
                    Element("not", "None of the facts matches the element.", new JsonObject { ["not"] = Ref("element") }),
                    Element("exists", "At least one fact matches the element; binds nothing.", new JsonObject { ["exists"] = Ref("element") }),
                    Element("all", "Every element matches (a conjunction).", new JsonObject { ["all"] = ElementList() }),
                    Element("any", "One of the alternatives matches.", new JsonObject { ["any"] = ElementList() }),
                    Element("each", "One match per item of a list expression, bound with 'as:'.", new JsonObject
                    {
                        ["each"] = Ref("expression"),
                        ["as"] = Ref("binding"),
                    }, "as"),
                    CountElement(typeNames),
                    Element("let", "Scalar bindings computed from earlier bindings: { name: expression, ... }.", new JsonObject
                    {
                        ["let"] = NamedExpressions("A binding name and the expression it is bound to."),
                    }),
                    Element("aggregate", "Values computed over the matching facts (per groupBy value), read as <as>.<name>.", new JsonObject
                    {
                        ["aggregate"] = typeNames.DeepClone(),
                        ["where"] = Ref("expression"),
                        ["groupBy"] = new JsonObject { ["type"] = "string", ["description"] = "A field: one match per distinct value, bound as <as>.key." },
                        ["as"] = Ref("binding"),
                        ["compute"] = NamedExpressions("count(), count(distinct f), sum(f), min(f), max(f), avg(f), collect(f) or collectDistinct(f)."),
                        ["having"] = Ref("expression"),
                    }, "as", "compute")),
            },
            ["action"] = new JsonObject
            {
                ["description"] = "One action of 'then': condition, nextStep or insert.",
                ["oneOf"] = new JsonArray(
                    Element("condition", "Derive a condition.", new JsonObject
                    {
                        ["condition"] = Ref("id"),
                        ["subject"] = Ref("template"),
                        ["parties"] = new JsonObject { ["type"] = "array", ["items"] = Ref("template") },
                        ["severity"] = Enum(["info", "warning", "critical"]),
                        ["text"] = Ref("template"),
                    }),
                    Element("nextStep", "Recommend a next step to an actor.", new JsonObject
                    {
                        ["nextStep"] = Ref("id"),
                        ["actor"] = Ref("template"),
                        ["subject"] = Ref("template"),
                        ["text"] = Ref("template"),
                        ["priority"] = new JsonObject { ["type"] = "integer" },
                    }),
                    Element("insert", "Insert a fact of one scenario type; it is retracted when the rule's match ends.", new JsonObject
                    {
                        ["insert"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["minProperties"] = 1,
                            ["maxProperties"] = 1,
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject(scenarioTypes.Select(t => Entry(t.Name, Ref("insert-" + t.Name)))),
                        },
                    })),
            },
        };
        foreach (var type in scenarioTypes)
        {
            defs["insert-" + type.Name] = InsertSchema(type);
        }

        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["$comment"] = Generated,
            ["title"] = "SecurityGuarantees rule file",
            ["description"] = "A rule set: 'version: 1', 'ruleset: <name>' and its rules; and/or the enums and fact types it declares.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["anyOf"] = new JsonArray(
                new JsonObject { ["required"] = new JsonArray("ruleset", "rules") },
                new JsonObject { ["required"] = new JsonArray("types"), ["not"] = new JsonObject { ["required"] = new JsonArray("rules") } },
                new JsonObject { ["required"] = new JsonArray("enums"), ["not"] = new JsonObject { ["required"] = new JsonArray("rules") } }),
            ["properties"] = new JsonObject
            {
                ["version"] = Version(),
                ["ruleset"] = Ref("id"),
                ["rules"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Ref("rule") },
                ["enums"] = DeclaredTypeSchemas.Enums(),
                ["types"] = DeclaredTypeSchemas.Types(types),
            },
            ["$defs"] = defs,
        };
        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>The schema of a scenario file, with its <c>timeline:</c> and <c>expect:</c> sections.</summary>
    public static string ScenarioFileSchema(FactTypeRegistry types)
    {
        var scenarioTypes = types.All.Where(t => t.Role == FactTypeRole.Scenario).ToList();
        var defs = new JsonObject
        {
            ["id"] = IdSchema(),
            ["date"] = new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = DatePattern, ["description"] = "A date written yyyy-mm-dd." },
            ["facts"] = FactsMap("fact-", scenarioTypes, "Facts by type: each type name holds a list of facts."),
            ["keys"] = FactsMap("key-", scenarioTypes, "Facts to retract by type, each named by its key fields only."),
            ["step"] = new JsonObject
            {
                ["description"] = "One timeline step: on its date, retract, update and insert facts, then fire the rules.",
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = new JsonArray("on"),
                ["properties"] = new JsonObject
                {
                    ["on"] = Ref("date"),
                    ["note"] = new JsonObject { ["type"] = "string" },
                    ["retract"] = Ref("keys"),
                    ["update"] = Ref("facts"),
                    ["insert"] = Ref("facts"),
                    ["expect"] = Ref("expect"),
                },
            },
            ["expect"] = new JsonObject
            {
                ["description"] = "What must hold (and what must not) after evaluation.",
                ["type"] = Types("object", "null"),
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["conditions"] = ExpectationList("expectedCondition"),
                    ["nextSteps"] = ExpectationList("expectedNextStep"),
                    ["absent"] = new JsonObject
                    {
                        ["type"] = Types("object", "null"),
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject
                        {
                            ["conditions"] = ExpectationList("expectedCondition"),
                            ["nextSteps"] = ExpectationList("expectedNextStep"),
                        },
                    },
                    ["only"] = new JsonObject { ["type"] = "boolean" },
                },
            },
            ["expectedCondition"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(Ref("id"), new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray("id"),
                    ["properties"] = new JsonObject
                    {
                        ["id"] = Ref("id"),
                        ["subject"] = new JsonObject { ["type"] = "string" },
                        ["parties"] = new JsonObject { ["type"] = "array", ["items"] = Ref("id") },
                    },
                }),
            },
            ["expectedNextStep"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(Ref("id"), new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray("id"),
                    ["properties"] = new JsonObject
                    {
                        ["id"] = Ref("id"),
                        ["actor"] = Ref("id"),
                        ["subject"] = new JsonObject { ["type"] = "string" },
                    },
                }),
            },
        };
        defs["variation"] = VariationSchema();
        foreach (var type in scenarioTypes)
        {
            defs["fact-" + type.Name] = FactSchema(type, keysOnly: false);
            defs["key-" + type.Name] = FactSchema(type, keysOnly: true);
        }

        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["$comment"] = Generated,
            ["title"] = "SecurityGuarantees scenario file",
            ["description"] = "A scenario: its id, date, facts by type, and optionally a timeline and expectations.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("scenario"),
            ["properties"] = new JsonObject
            {
                ["version"] = Version(),
                ["scenario"] = Ref("id"),
                ["asOf"] = Ref("date"),
                ["description"] = new JsonObject { ["type"] = "string" },
                ["facts"] = Ref("facts"),
                ["timeline"] = new JsonObject { ["type"] = Types("array", "null"), ["items"] = Ref("step") },
                ["expect"] = Ref("expect"),
                ["vary"] = new JsonObject { ["type"] = Types("array", "null"), ["items"] = Ref("variation") },
            },
            ["$defs"] = defs,
        };
        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>One <c>vary:</c> dimension: a field and its values, or a fact's presence (see docs/what-if.md).</summary>
    private static JsonObject VariationSchema() => new()
    {
        ["description"] = "A what-if dimension: a field of a fact and the values to try, or the fact with and without it.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("fact"),
        ["properties"] = new JsonObject
        {
            ["fact"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z][A-Za-z0-9]*\\[.+\\]", ["description"] = "The fact as Type[key], e.g. Position[jeddah-ceasefire/RU]." },
            ["field"] = new JsonObject { ["type"] = "string", ["description"] = "The field to vary." },
            ["values"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = Types("string", "number", "boolean") } },
            ["present"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "boolean" } },
        },
        ["oneOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("values") }, new JsonObject { ["required"] = new JsonArray("present") }),
    };

    private static JsonObject RuleSchema() => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("id", "when", "then"),
        ["properties"] = new JsonObject
        {
            ["id"] = Ref("id"),
            ["title"] = new JsonObject { ["type"] = "string" },
            ["description"] = new JsonObject { ["type"] = "string" },
            ["priority"] = new JsonObject { ["type"] = "integer" },
            ["tags"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["when"] = ElementList(),
            ["then"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Ref("action") },
        },
    };

    private static JsonObject NamedExpressions(string description) => new()
    {
        ["type"] = "object",
        ["minProperties"] = 1,
        ["propertyNames"] = new JsonObject { ["pattern"] = BindingPattern },
        ["additionalProperties"] = new JsonObject { ["type"] = "string", ["description"] = description },
    };

    private static JsonObject CountElement(JsonObject typeNames)
    {
        var count = Element("count", "The number of matching facts, with 'atLeast: N' or 'having: <condition on n>'.", new JsonObject
        {
            ["count"] = typeNames.DeepClone(),
            ["where"] = Ref("expression"),
            ["distinct"] = new JsonObject { ["type"] = "string" },
            ["as"] = Ref("binding"),
            ["atLeast"] = new JsonObject { ["type"] = "integer" },
            ["having"] = Ref("expression"),
        });
        count["not"] = new JsonObject { ["required"] = new JsonArray("atLeast", "having") };
        return count;
    }

    /// <summary>A one-kind map: the kind key is required, other keys optional, nothing else allowed.</summary>
    private static JsonObject Element(string kind, string description, JsonObject properties, params string[] alsoRequired) => new()
    {
        ["description"] = description,
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray([(JsonNode)kind, .. alsoRequired.Select(r => (JsonNode)r)]),
        ["properties"] = properties,
    };

    private static JsonObject ElementList() => new() { ["type"] = "array", ["minItems"] = 1, ["items"] = Ref("element") };

    private static JsonObject FactsMap(string prefix, IReadOnlyList<FactTypeDescriptor> types, string description) => new()
    {
        ["description"] = description,
        ["type"] = Types("object", "null"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject(types.Select(t => Entry(t.Name, new JsonObject
        {
            ["type"] = Types("array", "null"),
            ["items"] = Ref(prefix + t.Name),
        }))),
    };

    /// <summary>A fact under <c>facts:</c> (every field) or under <c>retract:</c> (key fields only).</summary>
    private static JsonObject FactSchema(FactTypeDescriptor type, bool keysOnly)
    {
        var fields = type.Fields.Where(f => !keysOnly || f.IsKey || f == type.AlternativeIdField).ToList();
        var schema = new JsonObject
        {
            ["description"] = keysOnly ? $"A {type.Name}, named by its key."
                : type.Declaration?.Description is { } described ? $"A {type.Name} fact: {described}" : $"A {type.Name} fact.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject(fields.Select(f => Entry(f.Name, FieldSchema(f)))),
        };
        AddRequiredKeys(schema, type);
        return schema;
    }

    /// <summary>The fields of an inserted fact: templates, or literals of the field's type.</summary>
    private static JsonObject InsertSchema(FactTypeDescriptor type)
    {
        var schema = new JsonObject
        {
            ["description"] = $"The fields of the inserted {type.Name}: templates or values.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject(type.Fields.Select(f =>
            {
                var scalar = f.ElementKind switch
                {
                    FieldKind.Number => new JsonObject { ["type"] = Types("string", IsWhole(f) ? "integer" : "number") },
                    FieldKind.Bool => new JsonObject { ["type"] = Types("string", "boolean") },
                    FieldKind.Enum => new JsonObject
                    {
                        ["type"] = "string",
                        ["anyOf"] = new JsonArray(Enum(f.Enum!.Names), new JsonObject { ["pattern"] = "\\{" }),
                    },
                    _ => Ref("template"),
                };
                JsonNode value = f.IsList ? new JsonObject { ["type"] = "array", ["items"] = scalar } : scalar;
                return Entry(f.Name, value);
            })),
        };
        AddRequiredKeys(schema, type);
        return schema;
    }

    private static void AddRequiredKeys(JsonObject schema, FactTypeDescriptor type)
    {
        var keys = new JsonArray([.. type.KeyFields.Select(k => (JsonNode)k.Name)]);
        if (type.AlternativeIdField is { } id)
        {
            schema["anyOf"] = new JsonArray(new JsonObject { ["required"] = keys }, new JsonObject { ["required"] = new JsonArray(id.Name) });
        }
        else if (keys.Count > 0)
        {
            schema["required"] = keys;
        }
    }

    private static JsonNode FieldSchema(FactFieldDescriptor field)
    {
        JsonObject scalar = field.ElementKind switch
        {
            FieldKind.String when field.IsKey => IdSchema(),
            FieldKind.String => new JsonObject { ["type"] = "string" },
            FieldKind.Bool => new JsonObject { ["type"] = "boolean" },
            FieldKind.Number => new JsonObject { ["type"] = IsWhole(field) ? "integer" : "number" },
            FieldKind.Date => Ref("date"),
            FieldKind.Enum => Enum(field.Enum!.Names),
            _ => new JsonObject(),
        };
        if (field.IsList)
        {
            return new JsonObject { ["type"] = Types("array", "null"), ["items"] = scalar };
        }

        if (field.IsKey)
        {
            return scalar;
        }

        // Not a key: a plain null, ~ or empty value means "not given".
        if (scalar["type"] is JsonValue type)
        {
            scalar["type"] = Types(type.GetValue<string>(), "null");
            return scalar;
        }

        if (scalar["enum"] is JsonArray values)
        {
            values.Add(null);
            return scalar;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(scalar, new JsonObject { ["type"] = "null" }) };
    }

    private static JsonObject ExpectationList(string item) => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, Ref("id"), new JsonObject { ["type"] = "array", ["items"] = Ref(item) }),
    };

    private static bool IsWhole(FactFieldDescriptor field) => field.ScalarType == typeof(int) || field.ScalarType == typeof(long);

    private static JsonObject IdSchema() => new() { ["type"] = "string", ["pattern"] = IdPattern };

    private static JsonObject Version() => new() { ["description"] = "The file format version; only 1.", ["enum"] = new JsonArray(1, "1") };

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/$defs/" + name };

    private static JsonArray Types(params string[] names) => new([.. names.Select(n => (JsonNode)n)]);

    private static JsonObject Enum(IEnumerable<string> names) => new() { ["enum"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) };

    private static KeyValuePair<string, JsonNode?> Entry(string name, JsonNode value) => new(name, value);
}
