namespace SecurityGuarantees.Compilation;

/// <summary>A rule inserted a fact whose key a scenario fact already has.</summary>
internal sealed class InsertConflictException(string type, string key, IReadOnlyList<string> rules)
    : Exception($"rule {string.Join(", ", rules)} inserts {type} '{key}', but the scenario already has a {type} with that key")
{
    public IReadOnlyList<string> Rules { get; } = rules;
}
