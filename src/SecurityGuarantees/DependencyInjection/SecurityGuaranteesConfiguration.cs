using Microsoft.Extensions.Options;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// The one <see cref="IConfigureOptions{TOptions}"/> that <c>AddSecurityGuarantees</c> registers; later calls append
/// their delegate here instead of adding a descriptor.
/// </summary>
internal sealed class SecurityGuaranteesConfiguration : IConfigureOptions<SecurityGuaranteesOptions>
{
    private readonly List<Action<SecurityGuaranteesOptions>> _actions = [];

    public void Add(Action<SecurityGuaranteesOptions> configure) => _actions.Add(configure);

    public void Configure(SecurityGuaranteesOptions options)
    {
        foreach (var action in _actions)
        {
            action(options);
        }
    }
}
