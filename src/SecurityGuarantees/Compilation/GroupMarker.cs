namespace SecurityGuarantees.Compilation;

/// <summary>
/// Says that an uncorrelated <c>exists:</c>/<c>not:</c> group currently has a match. Linked to the activation of the
/// group's hidden rule, so it goes when the group's match goes. See <see cref="GroupMarkerRule"/> for why.
/// </summary>
internal sealed record GroupMarker(string Key);
