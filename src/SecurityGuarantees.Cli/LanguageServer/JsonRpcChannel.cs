using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SecurityGuarantees.Cli.LanguageServer;

/// <summary>
/// JSON-RPC 2.0 messages framed by <c>Content-Length</c> headers, as the Language Server Protocol sends them over stdio.
/// Messages are <see cref="JsonNode"/>s, which keeps the native build free of reflection-based serialization.
/// </summary>
internal sealed class JsonRpcChannel(Stream input, Stream output)
{
    /// <summary>Messages larger than this are refused (an editor never sends one; a stray stream might).</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly object _writeLock = new();

    /// <summary>The next message, or null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">The framing or the JSON is broken.</exception>
    public async Task<JsonObject?> ReadAsync(CancellationToken cancellationToken)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxMessageBytes)
                {
                    throw new InvalidDataException($"invalid Content-Length header '{line}'");
                }
            }
        }

        if (length < 0)
        {
            throw new InvalidDataException("a message without a Content-Length header");
        }

        var body = new byte[length];
        await input.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new InvalidDataException("a message that is not a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"a message that is not valid JSON: {e.Message}");
        }
    }

    public void Write(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        lock (_writeLock)
        {
            output.Write(header);
            output.Write(body);
            output.Flush();
        }
    }

    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await input.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return bytes.Count == 0 ? null : throw new InvalidDataException("the input ended inside a header");
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            }

            if (bytes.Count > 1024)
            {
                throw new InvalidDataException("a header line longer than 1024 bytes");
            }

            bytes.Add(one[0]);
        }
    }
}
