using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Loading;

namespace SecurityGuarantees.Scenarios;

/// <summary>
/// A scenario: an id, the date it describes and its facts. Loaded from a scenario file by
/// <see cref="ScenarioEngine.LoadScenario(string)"/>, or built in code with <see cref="Create"/>.
/// </summary>
public sealed class Scenario
{
    internal Scenario(string id, DateOnly? asOf, string? description, string? sourcePath, IReadOnlyList<object> facts,
        IReadOnlyDictionary<object, SourceLocation> factLocations, YamlNode? timeline, YamlNode? expect, YamlNode? vary = null)
    {
        Id = id;
        AsOf = asOf;
        Description = description;
        SourcePath = sourcePath;
        Facts = facts;
        FactLocations = factLocations;
        TimelineNode = timeline;
        ExpectNode = expect;
        VaryNode = vary;
    }

    /// <summary>The scenario id (<c>scenario:</c>).</summary>
    public string Id { get; }

    /// <summary>The date the scenario describes (<c>asOf:</c>); <see langword="null"/> means today's UTC date at evaluation.</summary>
    public DateOnly? AsOf { get; }

    /// <summary>A sentence for people.</summary>
    public string? Description { get; }

    /// <summary>The file the scenario was loaded from, or <see langword="null"/>.</summary>
    public string? SourcePath { get; }

    /// <summary>The facts, in file order.</summary>
    public IReadOnlyList<object> Facts { get; }

    /// <summary>Where each fact was written, for explanations.</summary>
    internal IReadOnlyDictionary<object, SourceLocation> FactLocations { get; }

    /// <summary>The raw <c>timeline:</c> section, read by the timeline runner.</summary>
    internal YamlNode? TimelineNode { get; }

    /// <summary>The raw <c>expect:</c> section, read by the test runner.</summary>
    internal YamlNode? ExpectNode { get; }

    /// <summary>The raw <c>vary:</c> section, read by what-if variants.</summary>
    internal YamlNode? VaryNode { get; }

    /// <summary>Creates a scenario from facts built in code.</summary>
    /// <param name="id">The scenario id.</param>
    /// <param name="facts">Instances of registered fact types.</param>
    /// <param name="asOf">The date the scenario describes, or <see langword="null"/> for today.</param>
    /// <param name="description">A sentence for people.</param>
    public static Scenario Create(string id, IEnumerable<object> facts, DateOnly? asOf = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(facts);
        return new Scenario(id, asOf, description, null, [.. facts], new Dictionary<object, SourceLocation>(ReferenceEqualityComparer.Instance), null, null);
    }
}
