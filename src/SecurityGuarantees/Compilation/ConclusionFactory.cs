using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Builds the conclusion of one <c>then</c> action from an activation's values.</summary>
internal abstract class ConclusionFactory(FactTypeDescriptor type)
{
    public FactTypeDescriptor Type { get; } = type;

    public abstract object Create(MatchValues values);
}
