using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SecurityGuarantees.Server.Contracts;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>
/// Declares an endpoint's error answers for the OpenAPI document as <see cref="ProblemBody"/> (this API's
/// problem+json, with its diagnostics), not ASP.NET Core's <c>ProblemDetails</c>: it is what the endpoints write, and
/// its schema comes from the source-generated JSON context, which the native tool needs.
/// </summary>
internal static class ProblemMetadata
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<ProblemBody>(status, ProblemResponses.ContentType);
        }

        return builder;
    }
}
