namespace SecurityGuarantees.Results;

/// <summary>What happened to a rule's match in a <see cref="TraceEntry"/>.</summary>
public enum TraceEvent
{
    /// <summary>The match fired for the first time (JSON <c>fired</c>).</summary>
    Fired,

    /// <summary>The same match fired again because a fact it matched, or an aggregate it read, changed (JSON <c>refired</c>).</summary>
    Refired,

    /// <summary>The match that had fired went, and its conclusions with it (JSON <c>retracted</c>).</summary>
    Retracted,
}
