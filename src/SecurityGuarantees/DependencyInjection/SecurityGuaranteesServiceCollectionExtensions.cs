using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecurityGuarantees;
using SecurityGuarantees.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SecurityGuarantees in an <see cref="IServiceCollection"/>.</summary>
public static class SecurityGuaranteesServiceCollectionExtensions
{
    /// <summary>Registers the engine with the built-in rule set; see <see cref="AddSecurityGuarantees(IServiceCollection, Action{SecurityGuaranteesOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddSecurityGuarantees(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSecurityGuarantees(static _ => { });
    }

    /// <summary>
    /// Registers the compiled <see cref="ScenarioEngine"/> (singleton), the <see cref="IScenarioEvaluator"/> apps
    /// inject (singleton), <see cref="SecurityGuaranteesOptions"/> through <c>IOptions</c>, <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is registered, <see cref="IRuleReloadStatus"/> and <see cref="IScenarioEngineAccessor"/> (singletons; see
    /// <see cref="SecurityGuaranteesOptions.WatchRules"/>), and a hosted service that compiles the rules while the host
    /// starts. Every registration is a <c>TryAdd</c>: calling this again adds no descriptor and appends
    /// <paramref name="configure"/> to the configuration of the first call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds rule sources and fact types; without a rule source the built-in rule set is used.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <example>
    /// <code>
    /// services.AddSecurityGuarantees(options => options.AddBuiltInRules().AddRules("rules/").AddFactType&lt;MyFact&gt;());
    /// </code>
    /// </example>
    public static IServiceCollection AddSecurityGuarantees(this IServiceCollection services, Action<SecurityGuaranteesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions();
        var configuration = services
            .Where(d => !d.IsKeyedService && d.ServiceType == typeof(IConfigureOptions<SecurityGuaranteesOptions>))
            .Select(d => d.ImplementationInstance)
            .OfType<SecurityGuaranteesConfiguration>()
            .FirstOrDefault();
        if (configuration is null)
        {
            configuration = new SecurityGuaranteesConfiguration();
            services.AddSingleton<IConfigureOptions<SecurityGuaranteesOptions>>(configuration);
        }

        configuration.Add(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new ScenarioEngineHolder(
            sp.GetRequiredService<IOptions<SecurityGuaranteesOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(static sp => sp.GetRequiredService<ScenarioEngineHolder>().Current);
        services.TryAddSingleton<IRuleReloadStatus>(static sp => sp.GetRequiredService<ScenarioEngineHolder>());
        services.TryAddSingleton<IScenarioEngineAccessor>(static sp => sp.GetRequiredService<ScenarioEngineHolder>());
        services.TryAddSingleton<IScenarioEvaluator, ScenarioEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecurityGuaranteesStartupValidator>());
        return services;
    }
}
