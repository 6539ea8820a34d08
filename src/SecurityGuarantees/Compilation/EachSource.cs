namespace SecurityGuarantees.Compilation;

/// <summary>
/// The one fact every session holds for <c>each:</c> elements to aggregate over (never reported, never matched by author
/// patterns): the list comes from the left tuple, so the right side only needs to exist, once (<see cref="EachItemsAggregator"/>).
/// </summary>
internal sealed class EachSource
{
    public static readonly EachSource Instance = new();

    private EachSource()
    {
    }
}
