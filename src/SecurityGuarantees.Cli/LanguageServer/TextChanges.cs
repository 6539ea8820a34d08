using System.Text.Json.Nodes;

namespace SecurityGuarantees.Cli.LanguageServer;

/// <summary>Applies <c>textDocument/didChange</c> content changes (incremental ranges, or the whole text) to a document.</summary>
internal static class TextChanges
{
    public static string Apply(string text, JsonArray changes)
    {
        foreach (var change in changes.OfType<JsonObject>())
        {
            var newText = change["text"]?.GetValue<string>() ?? "";
            if (change["range"] is not JsonObject range)
            {
                text = newText;
                continue;
            }

            var start = Offset(text, range["start"]!);
            var end = Math.Max(start, Offset(text, range["end"]!));
            text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
        }

        return text;
    }

    /// <summary>The offset of an LSP position (0-based line, UTF-16 character), clamped to the text.</summary>
    private static int Offset(string text, JsonNode position)
    {
        var line = position["line"]!.GetValue<int>();
        var character = position["character"]!.GetValue<int>();
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + 1;
        }

        var lineEnd = text.IndexOf('\n', offset);
        var length = (lineEnd < 0 ? text.Length : lineEnd) - offset;
        if (length > 0 && text[offset + length - 1] == '\r')
        {
            length--;
        }

        return offset + Math.Clamp(character, 0, length);
    }
}
