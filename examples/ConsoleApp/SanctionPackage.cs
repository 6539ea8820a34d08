namespace ConsoleApp;

/// <summary>
/// A fact type of the application's own: a sanctions package. The key is <c>Id</c>; properties are written in
/// camelCase in YAML (<c>issuer</c>, <c>adopted</c>, <c>targets</c>).
/// </summary>
public sealed record SanctionPackage
{
    public string Id { get; init; } = "";

    public string Issuer { get; init; } = "";

    public DateOnly? Adopted { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];
}
