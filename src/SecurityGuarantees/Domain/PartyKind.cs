namespace SecurityGuarantees.Domain;

/// <summary>The kind of a <see cref="Party"/>.</summary>
public enum PartyKind
{
    /// <summary>A sovereign state, e.g. <c>UA</c> or <c>FR</c>.</summary>
    State,

    /// <summary>An international organisation, e.g. <c>EU</c> or <c>NATO</c>.</summary>
    Organisation,

    /// <summary>An informal grouping, e.g. <c>E5</c> or the coalition; see <see cref="Party.Members"/>.</summary>
    Grouping,
}
