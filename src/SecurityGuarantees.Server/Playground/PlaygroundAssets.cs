using System.Reflection;
using SecurityGuarantees.Server.Contracts;

namespace SecurityGuarantees.Server.Playground;

/// <summary>
/// The playground's files, embedded in this assembly: the page and its bundle (playground/dist, built ahead by
/// playground/build.sh) and the example scenarios of its menu. Nothing is read from disk at request time.
/// </summary>
internal static class PlaygroundAssets
{
    private const string AssetPrefix = "Playground.";
    private const string ScenarioPrefix = "Scenarios.";
    private static readonly Assembly Assembly = typeof(PlaygroundAssets).Assembly;

    /// <summary>The embedded example scenarios, by file name in ordinal order.</summary>
    public static IReadOnlyList<SampleFile> Scenarios { get; } =
        [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ScenarioPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => new SampleFile(n[ScenarioPrefix.Length..], "scenario", ReadText(n)))];

    /// <summary>An asset's bytes and media type, or <see langword="null"/> when there is no such asset.</summary>
    public static (byte[] Content, string ContentType)? Find(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(AssetPrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "text/plain; charset=utf-8",
        };
        return (buffer.ToArray(), type);
    }

    private static string ReadText(string resource)
    {
        using var reader = new StreamReader(Assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
