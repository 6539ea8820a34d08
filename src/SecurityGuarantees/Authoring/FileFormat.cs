namespace SecurityGuarantees.Authoring;

/// <summary>The keys of the rule and scenario file formats, by where they stand (the loaders' lists, for completion).</summary>
internal static class FileFormat
{
    public static readonly string[] RuleFileKeys = ["version", "ruleset", "rules", "enums", "types"];

    /// <summary>The keys of a type declared under <c>types:</c> (issue 13).</summary>
    public static readonly string[] TypeDeclarationKeys = ["description", "key", "fields", "defaults"];

    /// <summary>The scalar field types of a declared type; <c>list&lt;T&gt;</c> and enums besides.</summary>
    public static readonly string[] ScalarFieldTypes = ["string", "number", "integer", "bool", "date"];

    public static readonly string[] RuleKeys = ["id", "title", "description", "priority", "tags", "when", "then"];

    public static readonly string[] ElementKeys =
        ["fact", "as", "where", "not", "exists", "all", "any", "each", "count", "distinct", "atLeast", "having", "let", "aggregate", "groupBy", "compute"];

    /// <summary>The element keys that may join those present: a kind's own keys once the kind is written, else every key.</summary>
    public static IEnumerable<string> ElementKeysBesides(IEnumerable<string> present)
    {
        var kind = present.FirstOrDefault(k => k is "fact" or "count" or "each" or "not" or "exists" or "all" or "any" or "let" or "aggregate");
        return kind switch
        {
            "fact" => ["as", "where"],
            "count" => ["where", "distinct", "as", "atLeast", "having"],
            "aggregate" => ["where", "groupBy", "as", "compute", "having"],
            "each" => ["as"],
            null => ElementKeys,
            _ => [],
        };
    }

    public static readonly string[] ActionKeys = ["condition", "nextStep", "insert", "subject", "parties", "severity", "text", "actor", "priority"];

    /// <summary>The action keys that may join those present: a kind's own keys once the kind is written, else every key.</summary>
    public static IEnumerable<string> ActionKeysBesides(IEnumerable<string> present) =>
        present.FirstOrDefault(k => k is "condition" or "nextStep" or "insert") switch
        {
            "condition" => ["subject", "parties", "severity", "text"],
            "nextStep" => ["actor", "subject", "text", "priority"],
            "insert" => [],
            _ => ActionKeys,
        };

    /// <summary>The functions of an aggregate's <c>compute:</c> values (the rule builder's list), with their signatures.</summary>
    public static readonly (string Name, string Signature)[] ComputeFunctions =
    [
        ("count", "count() or count(distinct f): the number of matching facts, or of distinct values of f"),
        ("sum", "sum(f): number; nulls skipped, 0 for nothing"),
        ("avg", "avg(f): number; null for nothing"),
        ("min", "min(f): number or date; null for nothing"),
        ("max", "max(f): number or date; null for nothing"),
        ("collect", "collect(f): list of the values, sorted"),
        ("collectDistinct", "collectDistinct(f): list of the distinct values, sorted"),
    ];

    public static readonly string[] Severities = ["info", "warning", "critical"];

    public static readonly string[] ScenarioKeys = ["version", "scenario", "asOf", "description", "facts", "timeline", "expect", "vary"];

    public static readonly string[] ExpectKeys = ["conditions", "nextSteps", "absent", "only"];

    /// <summary>The keys of a condition written as a map under <c>expect:</c>.</summary>
    public static readonly string[] ExpectedConditionKeys = ["id", "subject", "parties"];

    /// <summary>The keys of a next step written as a map under <c>expect:</c>.</summary>
    public static readonly string[] ExpectedNextStepKeys = ["id", "actor", "subject"];

    public static readonly string[] StepKeys = ["on", "note", "retract", "update", "insert", "expect"];

    /// <summary>Keys whose value is a condition (or list) of the expression language.</summary>
    public static readonly string[] ExpressionKeys = ["where", "having", "each"];

    /// <summary>Keys of a <c>then:</c> action whose value is a template.</summary>
    public static readonly string[] TemplateKeys = ["subject", "text", "actor", "parties"];

    /// <summary>Keys that hold expressions in a <c>when:</c> element, or nest elements.</summary>
    public static readonly string[] ElementContainers = ["when", "not", "exists", "all", "any"];
}
