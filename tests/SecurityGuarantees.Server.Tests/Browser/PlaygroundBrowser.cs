using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SecurityGuarantees.Server.Tests.Browser;

/// <summary>
/// The serve command's application on a real Kestrel server (loopback, a free port) and Debian's Chromium driven by
/// Playwright (no browser download: /usr/bin/chromium, which .ci/run installs with apt-get).
/// </summary>
public sealed class PlaygroundBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"the browser tests need Chromium at {ChromiumPath}: run 'apt-get install -y chromium' (.ci/run does)");
        }

        Assertions.SetDefaultExpectTimeout(30_000);
        _app = SecurityGuaranteesServer.CreateApplication(new ServerOptions { Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A new page on the playground, once the example scenario has been evaluated.</summary>
    public async Task<IPage> OpenPlaygroundAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(BaseAddress + "/");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("condition(s)", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
