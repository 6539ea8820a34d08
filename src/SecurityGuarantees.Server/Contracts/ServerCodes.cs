namespace SecurityGuarantees.Server.Contracts;

/// <summary>The diagnostic codes of the server (SG0900–SG0949; docs/diagnostics.md).</summary>
internal static class ServerCodes
{
    /// <summary>The body is not valid JSON, or lacks a field the endpoint needs.</summary>
    public const string InvalidJsonBody = "SG0901";

    /// <summary>A query parameter is missing, malformed or combined with one it excludes.</summary>
    public const string InvalidQuery = "SG0902";

    /// <summary>The rule or condition asked about is not loaded, or the conclusion to explain does not hold.</summary>
    public const string NotFound = "SG0903";

    /// <summary>The body is over the size limit.</summary>
    public const string BodyTooLarge = "SG0904";

    /// <summary>The evaluation went over the time limit and was cancelled.</summary>
    public const string Timeout = "SG0905";

    /// <summary>No valid rules are loaded.</summary>
    public const string NoRules = "SG0906";

    /// <summary>The body's media type is not YAML, JSON or plain text.</summary>
    public const string UnsupportedMediaType = "SG0907";
}
