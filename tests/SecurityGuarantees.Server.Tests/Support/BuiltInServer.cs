namespace SecurityGuarantees.Server.Tests.Support;

/// <summary>One server with the built-in rules and default options, shared by a test class.</summary>
public sealed class BuiltInServer : IAsyncLifetime
{
    internal ServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServerHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
