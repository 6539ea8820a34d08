using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace SecurityGuarantees.Server.Tests.Support;

/// <summary>The serve command's application on an in-process test server (the same builder, no socket).</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private ServerHost(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<ServerHost> StartAsync(ServerOptions? options = null)
    {
        var app = SecurityGuaranteesServer.CreateApplication(options ?? new ServerOptions(), builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new ServerHost(app);
    }

    public static HttpContent Yaml(string text) => new StringContent(text, new MediaTypeHeaderValue("application/yaml"));

    public static HttpContent Json(string text) => new StringContent(text, new MediaTypeHeaderValue("application/json"));

    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => Client.PostAsync(url, content);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
