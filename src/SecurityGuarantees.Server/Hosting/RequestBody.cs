using System.Text;
using Microsoft.AspNetCore.Http;
using SecurityGuarantees.Server.Contracts;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>Reads a request body as UTF-8 text within the size limit, accepting YAML, JSON and plain text.</summary>
internal static class RequestBody
{
    private static readonly string[] AcceptedTypes =
        ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/plain"];

    public static async Task<(string? Text, IResult? Error)> ReadTextAsync(HttpContext context, ServerOptions options)
    {
        var request = context.Request;
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !AcceptedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, ProblemResponses.Create(StatusCodes.Status415UnsupportedMediaType, ServerCodes.UnsupportedMediaType, "Unsupported media type",
                $"the body is '{mediaType}'; send YAML (application/yaml) or the same structure as JSON (application/json)"));
        }

        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            return (null, TooLarge(options));
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > options.MaxRequestBodyBytes)
                {
                    return (null, TooLarge(options));
                }

                buffer.Write(chunk, 0, read);
            }

            return (new UTF8Encoding(false, false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(options));
        }
    }

    private static IResult TooLarge(ServerOptions options) =>
        ProblemResponses.Create(StatusCodes.Status413PayloadTooLarge, ServerCodes.BodyTooLarge, "Request body too large",
            $"the body is over the limit of {options.MaxRequestBodyBytes} bytes");
}
