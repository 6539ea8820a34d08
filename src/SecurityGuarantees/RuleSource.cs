namespace SecurityGuarantees;

/// <summary>Where rule files come from: a file, a folder (searched recursively), YAML text, or the built-in rule set.</summary>
internal abstract record RuleSource
{
    public sealed record Path(string Value) : RuleSource;

    public sealed record Text(string Name, string Yaml) : RuleSource;

    public sealed record BuiltIn : RuleSource;
}
