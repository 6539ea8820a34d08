namespace SecurityGuarantees.Domain;

/// <summary>The security-guarantee fact types the library ships, with the names scenarios and rules use.</summary>
internal static class DomainVocabulary
{
    /// <summary>The ten domain fact types and their YAML names, in the order the domain issue lists them.</summary>
    public static IReadOnlyList<(string Name, Type Type)> FactTypes { get; } =
    [
        ("Party", typeof(Party)),
        ("Proposal", typeof(Proposal)),
        ("Term", typeof(Term)),
        ("Position", typeof(Position)),
        ("Demand", typeof(Demand)),
        ("Commitment", typeof(Commitment)),
        ("Principle", typeof(Principle)),
        ("Meeting", typeof(Meeting)),
        ("Document", typeof(Document)),
        ("Observation", typeof(Observation)),
    ];
}
