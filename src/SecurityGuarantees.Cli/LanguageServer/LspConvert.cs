using System.Text.Json.Nodes;
using SecurityGuarantees.Authoring;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Cli.LanguageServer;

/// <summary>Between the protocol's shapes (0-based positions, URIs, numeric kinds) and the authoring service's.</summary>
internal static class LspConvert
{
    public static TextPosition ToPosition(JsonNode position) =>
        new(position["line"]!.GetValue<int>() + 1, position["character"]!.GetValue<int>() + 1);

    public static JsonObject ToLsp(TextPosition position) => new()
    {
        ["line"] = Math.Max(0, position.Line - 1),
        ["character"] = Math.Max(0, position.Column - 1),
    };

    public static JsonObject ToLsp(TextRange range) => new() { ["start"] = ToLsp(range.Start), ["end"] = ToLsp(range.End) };

    /// <summary>A document URI as a path: the local path of a file URI, the URI itself otherwise (untitled documents).</summary>
    public static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    public static string ToUri(string path) => Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;

    public static JsonObject ToLsp(AuthoringDiagnostic diagnostic) => new()
    {
        ["range"] = ToLsp(diagnostic.Range),
        ["severity"] = diagnostic.Diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            _ => 3,
        },
        ["code"] = diagnostic.Diagnostic.Code,
        ["source"] = "security-guarantees",
        // As the command line prints it after the location: the message, then the hint.
        ["message"] = diagnostic.Diagnostic.Hint is null ? diagnostic.Diagnostic.Message : $"{diagnostic.Diagnostic.Message} (hint: {diagnostic.Diagnostic.Hint})",
    };

    /// <summary>
    /// The part of the word before the cursor that a completion replaces: letters, digits, '_' and '-' (ids and enum
    /// values are kebab-case; an editor's own word pattern for YAML may stop at '-').
    /// </summary>
    public static TextRange WordBefore(string text, TextPosition position)
    {
        var line = text.Split('\n') is var lines && position.Line - 1 < lines.Length ? lines[position.Line - 1] : "";
        var end = Math.Clamp(position.Column - 1, 0, line.Length);
        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '_' or '-'))
        {
            start--;
        }

        return new TextRange(position with { Column = start + 1 }, position with { Column = end + 1 });
    }

    /// <summary>A completion item that replaces <paramref name="replaced"/> (the word typed so far) with its text.</summary>
    public static JsonObject ToLsp(AuthoringCompletion item, TextRange replaced)
    {
        var result = ToLsp(item);
        result["textEdit"] = new JsonObject { ["range"] = ToLsp(replaced), ["newText"] = item.InsertText ?? item.Label };
        result.Remove("insertText");
        return result;
    }

    public static JsonObject ToLsp(AuthoringCompletion item)
    {
        var result = new JsonObject
        {
            ["label"] = item.Label,
            ["kind"] = item.Kind switch
            {
                AuthoringCompletionKind.Key => 10, // Property
                AuthoringCompletionKind.FactType => 7, // Class
                AuthoringCompletionKind.Field => 5, // Field
                AuthoringCompletionKind.Binding => 6, // Variable
                AuthoringCompletionKind.Function => 3, // Function
                AuthoringCompletionKind.Keyword => 14, // Keyword
                AuthoringCompletionKind.EnumValue => 20, // EnumMember
                AuthoringCompletionKind.FactKey => 18, // Reference
                _ => 21, // Constant: condition and next-step ids
            },
        };
        if (item.Detail is not null)
        {
            result["detail"] = item.Detail;
        }

        if (item.InsertText is not null)
        {
            result["insertText"] = item.InsertText;
        }

        return result;
    }

    public static JsonObject ToLsp(AuthoringSymbol symbol) => new()
    {
        ["name"] = symbol.Name,
        ["detail"] = symbol.Detail,
        ["kind"] = symbol.Kind switch
        {
            AuthoringSymbolKind.Rule => 12, // Function
            AuthoringSymbolKind.Condition or AuthoringSymbolKind.NextStep => 24, // Event
            AuthoringSymbolKind.Insert => 23, // Struct
            AuthoringSymbolKind.FactType => 5, // Class
            AuthoringSymbolKind.Enum => 10, // Enum
            AuthoringSymbolKind.Field => 8, // Field
            _ => 19, // Object
        },
        ["range"] = ToLsp(symbol.Range),
        ["selectionRange"] = ToLsp(symbol.SelectionRange),
        ["children"] = new JsonArray([.. symbol.Children.Select(c => (JsonNode)ToLsp(c))]),
    };
}
