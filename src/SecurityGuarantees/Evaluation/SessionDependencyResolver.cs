using NRules.Extensibility;
using SecurityGuarantees.Compilation;

namespace SecurityGuarantees.Evaluation;

/// <summary>What rule actions resolve from their session (<c>IContext.Resolve</c>): the session's <see cref="ILinkedConclusions"/>.</summary>
internal sealed class SessionDependencyResolver(ILinkedConclusions links) : IDependencyResolver
{
    public object Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(ILinkedConclusions)
            ? links
            : throw new InvalidOperationException($"a rule action asked its session for {serviceType.Name}, which sessions do not provide");
}
