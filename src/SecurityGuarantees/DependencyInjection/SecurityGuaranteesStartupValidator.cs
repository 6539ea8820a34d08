using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>
/// Builds the engine while the host starts (before any hosted service's <c>StartAsync</c>), when
/// <see cref="SecurityGuaranteesOptions.ValidateOnStart"/> is set, so invalid rules stop the start, not a request.
/// </summary>
internal sealed class SecurityGuaranteesStartupValidator(IServiceProvider services, IOptions<SecurityGuaranteesOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ValidateOnStart)
        {
            _ = services.GetRequiredService<ScenarioEngine>();
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
