using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Builds a <see cref="NextStep"/> from a <c>nextStep:</c> action.</summary>
internal sealed class NextStepFactory(FactTypeDescriptor type, string id, TextTemplate? actor, TextTemplate? subject, TextTemplate? text,
    int priority) : ConclusionFactory(type)
{
    public string Id { get; } = id;

    public override object Create(MatchValues values) => new NextStep
    {
        Id = Id,
        Actor = ConditionFactory.EmptyToNull(actor?.Render(values)),
        Subject = ConditionFactory.EmptyToNull(subject?.Render(values)),
        Text = text?.Render(values),
        Priority = priority,
    };
}
