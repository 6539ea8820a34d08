using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Loading;

namespace SecurityGuarantees.Timelines;

/// <summary>
/// One step of a timeline: on <see cref="On"/>, retract <see cref="Retractions"/>, replace the facts with the keys of
/// <see cref="Updates"/>, insert <see cref="Insertions"/>, then move <c>Today</c> to <see cref="On"/> and fire.
/// </summary>
public sealed class TimelineStep
{
    internal TimelineStep(DateOnly on, string? note, IReadOnlyList<object> retractions, IReadOnlyList<object> updates,
        IReadOnlyList<object> insertions, SourceLocation location, YamlNode? expectNode)
    {
        On = on;
        Note = note;
        Retractions = retractions;
        Updates = updates;
        Insertions = insertions;
        Location = location;
        ExpectNode = expectNode;
    }

    /// <summary>The step's date (<c>on:</c>); <c>Today</c> moves to it.</summary>
    public DateOnly On { get; }

    /// <summary>What happened that day, for people (<c>note:</c>), or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>The facts the step retracts, as they stood before the step (<c>retract:</c> names them by key).</summary>
    public IReadOnlyList<object> Retractions { get; }

    /// <summary>The new versions of the facts the step replaces (<c>update:</c>), each with the key of an existing fact.</summary>
    public IReadOnlyList<object> Updates { get; }

    /// <summary>The facts the step adds (<c>insert:</c>), each with a key no fact has at that point.</summary>
    public IReadOnlyList<object> Insertions { get; }

    /// <summary>Where the step is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The raw <c>expect:</c> block of the step, read by the test runner; not checked here.</summary>
    internal YamlNode? ExpectNode { get; }
}
