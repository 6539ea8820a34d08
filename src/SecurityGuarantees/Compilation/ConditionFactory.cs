using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Builds a <see cref="Condition"/> from a <c>condition:</c> action.</summary>
internal sealed class ConditionFactory(FactTypeDescriptor type, string id, TextTemplate? subject, IReadOnlyList<TextTemplate> parties,
    Severity severity, TextTemplate? text) : ConclusionFactory(type)
{
    public string Id { get; } = id;

    /// <summary>The subject template (part of the condition's key).</summary>
    public TextTemplate? Subject { get; } = subject;

    public override object Create(MatchValues values) => new Condition
    {
        Id = Id,
        Subject = EmptyToNull(Subject?.Render(values)),
        Parties = RenderParties(values),
        Severity = severity,
        Text = text?.Render(values),
    };

    /// <summary>Distinct non-empty parties, ordinally sorted (runs once per firing: loops, not LINQ).</summary>
    private IReadOnlyList<string> RenderParties(MatchValues values)
    {
        if (parties.Count == 0)
        {
            return [];
        }

        var list = new List<string>();
        foreach (var template in parties)
        {
            foreach (var item in template.RenderItems(values))
            {
                if (item.Length > 0 && !list.Contains(item))
                {
                    list.Add(item);
                }
            }
        }

        list.Sort(StringComparer.Ordinal);
        return [.. list];
    }

    internal static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
