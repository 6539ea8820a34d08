namespace SecurityGuarantees.Server.Contracts;

/// <summary>
/// An <c>application/problem+json</c> body (RFC 9457) with this API's extensions: the code, the diagnostics of the
/// request body and, for the firing limit, the rules involved.
/// </summary>
/// <param name="Type">A URI reference naming the problem kind (a fragment of docs/server.md).</param>
/// <param name="Title">A short summary of the problem kind.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What happened with this request.</param>
/// <param name="Code">The diagnostic code (SGxxxx) of the problem.</param>
/// <param name="Diagnostics">Every diagnostic of the request (may be empty).</param>
/// <param name="Rules">The rules involved (firing limit, run-time fault), or <see langword="null"/>.</param>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Code, IReadOnlyList<RequestDiagnostic> Diagnostics,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Rules = null);
