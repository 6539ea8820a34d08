using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Builds a <see cref="NextStep"/> from a <c>nextStep:</c> action.</summary>
internal sealed class NextStepFactory(FactTypeDescriptor type, string id, TextTemplate? actor, TextTemplate? subject, TextTemplate? text,
    int priority) : ConclusionFactory(type)
{
    public string Id { get; } = id;

    /// <summary>The actor template (part of the next step's key).</summary>
    public TextTemplate? Actor { get; } = actor;

    /// <summary>The subject template (part of the next step's key).</summary>
    public TextTemplate? Subject { get; } = subject;

    public override object Create(MatchValues values) => new NextStep
    {
        Id = Id,
        Actor = ConditionFactory.EmptyToNull(Actor?.Render(values)),
        Subject = ConditionFactory.EmptyToNull(Subject?.Render(values)),
        Text = text?.Render(values),
        Priority = priority,
    };
}
