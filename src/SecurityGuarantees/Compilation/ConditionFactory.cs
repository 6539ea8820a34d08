using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Builds a <see cref="Condition"/> from a <c>condition:</c> action.</summary>
internal sealed class ConditionFactory(FactTypeDescriptor type, string id, TextTemplate? subject, IReadOnlyList<TextTemplate> parties,
    Severity severity, TextTemplate? text) : ConclusionFactory(type)
{
    public string Id { get; } = id;

    public override object Create(MatchValues values) => new Condition
    {
        Id = Id,
        Subject = EmptyToNull(subject?.Render(values)),
        Parties = [.. parties.SelectMany(p => p.RenderItems(values)).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal)],
        Severity = severity,
        Text = text?.Render(values),
    };

    internal static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
